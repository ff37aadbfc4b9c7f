/**
 * How well colours sit together, from their hex values: neutrals go with everything,
 * tones of one hue and neighbouring hues (analogous) are calm, opposite hues
 * (complementary) are bold but deliberate, and hues a third of the wheel apart or
 * in the awkward gap between analogous and complementary tend to clash.
 */
import { Colour, colourFamilies, hexToHsl, isNeutral } from "./colours"

export type Harmony = "neutral" | "tonal" | "analogous" | "complementary" | "triadic" | "clash"

/** Degrees between two hues on the colour wheel, 0-180. */
export function hueDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % 360
  return d > 180 ? 360 - d : d
}

const pairCache = new Map<string, Harmony>()

export function pairHarmony(a: Colour, b: Colour): Harmony {
  const key = `${a.name}|${a.hex}|${b.name}|${b.hex}`
  const known = pairCache.get(key)
  if (known) return known
  const harmony = readPair(a, b)
  pairCache.set(key, harmony)
  return harmony
}

function readPair(a: Colour, b: Colour): Harmony {
  if (isNeutral(a) || isNeutral(b)) return "neutral"
  const ha = hexToHsl(a.hex)
  const hb = hexToHsl(b.hex)
  if (!ha || !hb) return colourFamilies(a)[0] === colourFamilies(b)[0] ? "tonal" : "clash"
  const d = hueDistance(ha.h, hb.h)
  if (d <= 15) return "tonal"
  if (d <= 45) return "analogous"
  if (d >= 150) return "complementary"
  if (d >= 105 && d <= 135) return "triadic"
  return "clash"
}

const HARMONY_SCORE: Record<Harmony, number> = { neutral: 0.85, tonal: 0.8, analogous: 0.85, complementary: 0.75, triadic: 0.55, clash: 0.15 }

export function harmonyScore(harmony: Harmony): number {
  return HARMONY_SCORE[harmony]
}

/** The mean harmony of every pair in an outfit: 1 colour scores as a neutral pairing. */
export function outfitHarmony(colours: Colour[]): number {
  if (colours.length < 2) return HARMONY_SCORE.neutral
  let total = 0
  let pairs = 0
  for (let i = 0; i < colours.length; i++) {
    for (let j = i + 1; j < colours.length; j++) {
      total += HARMONY_SCORE[pairHarmony(colours[i], colours[j])]
      pairs++
    }
  }
  return total / pairs
}

/** The words a rationale uses for a pairing ("complementary colours"), or null when nothing is worth saying. */
export function describeHarmony(harmony: Harmony): string | null {
  switch (harmony) {
    case "tonal":
      return "tones of one colour"
    case "analogous":
      return "neighbouring colours that blend"
    case "complementary":
      return "complementary colours that make each other pop"
    case "triadic":
      return "a bold colour contrast"
    default:
      return null
  }
}
