/**
 * Colour names as families, so "no black" also rules out Washed Black and "something
 * blue" finds Cobalt, Sapphire and Powder Blue. A colour may sit in two families
 * (Rose Gold is gold and pink, Midnight Navy is navy and blue): an exclusion that
 * matches either family excludes it, which is the stricter reading.
 */
export type Colour = { name: string; hex: string }

export const COLOUR_FAMILIES = [
  "black", "white", "grey", "beige", "brown", "red", "pink", "orange", "yellow",
  "green", "blue", "navy", "purple", "gold", "silver",
] as const
export type ColourFamily = (typeof COLOUR_FAMILIES)[number]

/** Shade words (from the catalogue and from how shoppers talk) and the families they belong to. */
const SHADES: Record<string, ColourFamily[]> = {
  black: ["black"], jet: ["black"], onyx: ["black"],
  white: ["white"], ivory: ["white", "beige"], cream: ["white", "beige"], pearl: ["white"], "off white": ["white"], offwhite: ["white"],
  grey: ["grey"], gray: ["grey"], charcoal: ["grey"], heather: ["grey"], slate: ["grey"], "stone grey": ["grey"],
  beige: ["beige"], sand: ["beige"], nude: ["beige"], champagne: ["beige", "gold"], khaki: ["beige", "green"], camel: ["beige", "brown"],
  taupe: ["beige", "brown"], oatmeal: ["beige"], stone: ["beige", "grey"], tan: ["beige", "brown"],
  brown: ["brown"], chocolate: ["brown"], mocha: ["brown"], caramel: ["brown"], cognac: ["brown", "orange"], coffee: ["brown"],
  red: ["red"], cherry: ["red"], scarlet: ["red"], ruby: ["red"], wine: ["red", "purple"], maroon: ["red"], burgundy: ["red"], crimson: ["red"],
  pink: ["pink"], blush: ["pink"], fuchsia: ["pink", "purple"], rose: ["pink"], "dusty rose": ["pink"], "hot pink": ["pink"], "baby pink": ["pink"],
  magenta: ["pink", "purple"], "rose gold": ["gold", "pink"],
  orange: ["orange"], tangerine: ["orange"], terracotta: ["orange", "brown"], rust: ["orange", "brown"], peach: ["orange", "pink"], coral: ["orange", "pink"],
  yellow: ["yellow"], mustard: ["yellow"], butter: ["yellow"], lemon: ["yellow"], "butter yellow": ["yellow"],
  green: ["green"], emerald: ["green"], sage: ["green"], olive: ["green"], mint: ["green"], lime: ["green"], "bottle green": ["green"],
  blue: ["blue"], cobalt: ["blue"], sapphire: ["blue"], sky: ["blue"], powder: ["blue"], "powder blue": ["blue"], "ice blue": ["blue"], indigo: ["blue", "purple"],
  denim: ["blue"], "light wash": ["blue"], "mid blue": ["blue"], "sky blue": ["blue"], teal: ["blue", "green"], turquoise: ["blue", "green"],
  navy: ["navy", "blue"], "midnight navy": ["navy", "blue"], midnight: ["navy", "blue"],
  purple: ["purple"], lilac: ["purple"], lavender: ["purple"], violet: ["purple"], plum: ["purple"], mauve: ["purple", "pink"],
  gold: ["gold"], golden: ["gold"], silver: ["silver"], metallic: ["gold", "silver"],
}

/** Words for groups of colours rather than one: "pastels", "neutrals", "brights". */
export const COLOUR_GROUPS = ["pastel", "neutral", "bright", "dark", "metallic"] as const
export type ColourGroup = (typeof COLOUR_GROUPS)[number]

/** Every phrase a shopper may use for a colour, longest first so "hot pink" wins over "pink". */
export const COLOUR_WORDS: string[] = Object.keys(SHADES).sort((a, b) => b.length - a.length)

export function familiesOfWord(word: string): ColourFamily[] {
  return SHADES[word.toLowerCase()] ?? []
}

export type Hsl = { h: number; s: number; l: number }

export function hexToHsl(hex: string): Hsl | null {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim())
  if (!match) return null
  const value = parseInt(match[1], 16)
  const r = ((value >> 16) & 255) / 255
  const g = ((value >> 8) & 255) / 255
  const b = (value & 255) / 255
  const max = Math.max(r, g, b)
  const min = Math.min(r, g, b)
  const l = (max + min) / 2
  const d = max - min
  if (d === 0) return { h: 0, s: 0, l }
  const s = d / (1 - Math.abs(2 * l - 1))
  let h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4
  h *= 60
  if (h < 0) h += 360
  return { h, s, l }
}

/** A family from the hex alone, for colour names the table does not know. */
function familyFromHex(hsl: Hsl): ColourFamily {
  if (hsl.l < 0.15) return "black"
  if (hsl.l > 0.92) return "white"
  if (hsl.s < 0.12) return "grey"
  const h = hsl.h
  if (h < 12 || h >= 340) return hsl.l > 0.7 ? "pink" : "red"
  if (h < 40) return hsl.l < 0.4 ? "brown" : "orange"
  if (h < 65) return "yellow"
  if (h < 165) return "green"
  if (h < 250) return hsl.l < 0.25 ? "navy" : "blue"
  if (h < 290) return "purple"
  return "pink"
}

// Colours are few and asked about constantly while outfits are scored: remember the answers.
const familyCache = new Map<string, ColourFamily[]>()
const matchCache = new Map<string, boolean>()

/** The families of a named colour: from its words ("Washed Black": black), else from its hex. */
export function colourFamilies(colour: Colour): ColourFamily[] {
  const key = `${colour.name}|${colour.hex}`
  const known = familyCache.get(key)
  if (known) return known
  const families = readFamilies(colour)
  familyCache.set(key, families)
  return families
}

function readFamilies(colour: Colour): ColourFamily[] {
  const name = colour.name.toLowerCase().trim()
  if (SHADES[name]) return SHADES[name]
  const found = new Set<ColourFamily>()
  for (const phrase of COLOUR_WORDS) {
    if (new RegExp(`\\b${phrase}\\b`).test(name)) SHADES[phrase].forEach((family) => found.add(family))
  }
  if (found.size > 0) return [...found]
  const hsl = hexToHsl(colour.hex)
  return hsl ? [familyFromHex(hsl)] : []
}

const NEUTRAL_FAMILIES: ColourFamily[] = ["black", "white", "grey", "beige", "brown", "navy", "gold", "silver"]

export function isNeutral(colour: Colour): boolean {
  const families = colourFamilies(colour)
  if (families.length > 0 && families.every((family) => NEUTRAL_FAMILIES.includes(family))) return true
  const hsl = hexToHsl(colour.hex)
  return hsl !== null && hsl.s < 0.15
}

export function inGroup(colour: Colour, group: ColourGroup): boolean {
  const hsl = hexToHsl(colour.hex)
  const families = colourFamilies(colour)
  switch (group) {
    case "neutral":
      return isNeutral(colour)
    case "metallic":
      return families.includes("gold") || families.includes("silver")
    case "pastel":
      return hsl !== null && hsl.l >= 0.7 && hsl.l <= 0.92 && hsl.s >= 0.2
    case "bright":
      return hsl !== null && hsl.s >= 0.6 && hsl.l >= 0.35 && hsl.l <= 0.65
    case "dark":
      return hsl !== null && hsl.l < 0.3
  }
}

/** Shade words shoppers use for a shade the catalogue names differently. */
const SHADE_SYNONYMS: Record<string, string[]> = {
  maroon: ["wine"], burgundy: ["wine"], crimson: ["scarlet", "cherry", "ruby"], gray: ["grey"], offwhite: ["off white"],
  denim: ["light wash", "mid blue", "ice blue"], golden: ["gold"], plum: ["wine"], mauve: ["dusty rose", "lilac"],
  magenta: ["fuchsia", "hot pink"], jet: ["black"], onyx: ["black"], tan: ["camel", "caramel"], coffee: ["mocha"],
}

const hasPhrase = (name: string, phrase: string) => new RegExp(`(^|[^a-z])${phrase}([^a-z]|$)`).test(name)

/**
 * Whether a colour answers to a shopper's colour term: a family ("blue": every blue),
 * a shade ("emerald", "maroon": by name, through synonyms), or a group ("pastel").
 * The same test serves wanted colours and exclusions, so "no wine" removes Wine and
 * nothing else, while "no red" removes every red.
 */
export function colourMatches(term: string, colour: Colour): boolean {
  const key = `${term}|${colour.name}|${colour.hex}`
  const known = matchCache.get(key)
  if (known !== undefined) return known
  const matches = readMatch(term, colour)
  matchCache.set(key, matches)
  return matches
}

function readMatch(term: string, colour: Colour): boolean {
  const word = term.toLowerCase().trim()
  if ((COLOUR_GROUPS as readonly string[]).includes(word)) return inGroup(colour, word as ColourGroup)
  if ((COLOUR_FAMILIES as readonly string[]).includes(word)) return colourFamilies(colour).includes(word as ColourFamily)
  const name = colour.name.toLowerCase()
  return [word, ...(SHADE_SYNONYMS[word] ?? [])].some((phrase) => hasPhrase(name, phrase))
}
