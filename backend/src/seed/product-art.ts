/**
 * Product art for the seed catalogue: a fashion-illustration "flat lay" of each
 * silhouette as a self-contained SVG (800 x 1000, 4:5 portrait). Pure and deterministic:
 * no imports, no fonts, no images, no links. The garment is drawn with paths, filled with
 * the product colour, printed with its pattern (an SVG <pattern> clipped to the garment),
 * shaded with tints computed from the colour and finished with seams and stitching.
 *
 * Views: "front"; "back" (the back of the garment, mirrored, with back details such as
 * zips, yokes and pockets); "detail" (a close crop of the fabric and construction).
 */

export type ArtSpec = { silhouette: string; colorHex: string; pattern: string; view: "front" | "back" | "detail"; seed: string }

export const SILHOUETTES: readonly string[] = Object.freeze([
  "bodycon-mini",
  "bodycon-midi",
  "slip-dress",
  "a-line-dress",
  "crop-top",
  "corset-top",
  "tube-top",
  "shirt-crop",
  "coord-set",
  "skirt-mini",
  "skirt-midi",
  "skirt-pleated",
  "jeans",
  "trousers",
  "cargo",
  "shorts",
  "heels",
  "clutch",
  "earrings",
])

export const PATTERNS: readonly string[] = Object.freeze(["solid", "striped", "floral", "polka", "checked", "animal", "sequin", "embroidered", "abstract"])

// ---------------------------------------------------------------------------------
// Numbers, randomness, colour
// ---------------------------------------------------------------------------------

type RGB = [number, number, number]
type Pt = [number, number]

const W = 800
const H = 1000
const CX = 400

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n))
/** Compact number formatting for path data. */
const n = (v: number) => String(Math.round(v * 10) / 10)

function hashString(s: string): number {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return h >>> 0
}

/** mulberry32: a tiny deterministic PRNG in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function parseHex(input: string): RGB {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(input ?? "").trim())
  if (!m) throw new Error(`product-art: invalid colour "${input}", expected #RRGGBB`)
  const h = m[1].length === 3 ? m[1].replace(/./g, (c) => c + c) : m[1]
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)]
}

const toHex = (c: RGB) => "#" + c.map((v) => Math.round(clamp(v, 0, 255)).toString(16).padStart(2, "0")).join("")
const mix = (a: RGB, b: RGB, t: number): RGB => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]
const BLACK: RGB = [0, 0, 0]
const WHITE: RGB = [255, 255, 255]

function luminance(c: RGB): number {
  const f = (v: number) => {
    const s = v / 255
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4)
  }
  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2])
}

function toHsl([r, g, b]: RGB): [number, number, number] {
  const R = r / 255
  const G = g / 255
  const B = b / 255
  const max = Math.max(R, G, B)
  const min = Math.min(R, G, B)
  const l = (max + min) / 2
  if (max === min) return [0, 0, l]
  const d = max - min
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min)
  let h = max === R ? (G - B) / d + (G < B ? 6 : 0) : max === G ? (B - R) / d + 2 : (R - G) / d + 4
  h *= 60
  return [h, s, l]
}

function fromHsl(h: number, s: number, l: number): RGB {
  const hh = (((h % 360) + 360) % 360) / 360
  if (s === 0) return [l * 255, l * 255, l * 255]
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s
  const p = 2 * l - q
  const ch = (t: number) => {
    let x = t
    if (x < 0) x += 1
    if (x > 1) x -= 1
    if (x < 1 / 6) return p + (q - p) * 6 * x
    if (x < 1 / 2) return q
    if (x < 2 / 3) return p + (q - p) * (2 / 3 - x) * 6
    return p
  }
  return [ch(hh + 1 / 3) * 255, ch(hh) * 255, ch(hh - 1 / 3) * 255]
}

type Palette = {
  base: string
  shade: string
  deep: string
  light: string
  outline: string
  line: string
  stitch: string
  ink: string
  accent: string
  accent2: string
  leaf: string
  thread: string
  lining: string
  bgTop: string
  bgBottom: string
  shadow: string
  lum: number
}

function palette(hex: string): Palette {
  const c = parseHex(hex)
  const L = luminance(c)
  const [h, s, l] = toHsl(c)
  const grey = s < 0.12
  const accent = grey ? parseHex(L > 0.4 ? "#B8374A" : "#E9B7BE") : fromHsl(h + 150, clamp(s, 0.45, 0.8), L > 0.4 ? 0.36 : 0.74)
  const accent2 = grey ? parseHex(L > 0.4 ? "#D9A441" : "#F2D49B") : fromHsl(h + 40, clamp(s, 0.4, 0.75), L > 0.4 ? clamp(l - 0.22, 0.25, 0.5) : 0.82)
  const light = L > 0.75
  const bgTop = light ? mix(parseHex("#EEE9E3"), c, 0.05) : mix(parseHex("#FBF8F4"), c, 0.1)
  const bgBottom = light ? mix(parseHex("#DDD6CD"), c, 0.08) : mix(parseHex("#EBE4DC"), c, 0.17)
  return {
    base: toHex(c),
    shade: toHex(mix(c, BLACK, 0.22)),
    deep: toHex(mix(c, BLACK, 0.5)),
    light: toHex(mix(c, WHITE, 0.35)),
    outline: toHex(L > 0.6 ? mix(c, parseHex("#6F6862"), 0.62) : mix(c, BLACK, 0.55)),
    line: toHex(L > 0.6 ? mix(c, parseHex("#6F6862"), 0.45) : L < 0.05 ? mix(c, WHITE, 0.2) : mix(c, BLACK, 0.38)),
    stitch: toHex(L < 0.2 ? mix(c, WHITE, 0.42) : mix(c, BLACK, 0.33)),
    ink: toHex(L > 0.36 ? mix(c, parseHex("#141414"), 0.74) : mix(c, WHITE, 0.86)),
    accent: toHex(accent),
    accent2: toHex(accent2),
    leaf: toHex(mix(parseHex("#4E7D57"), c, 0.25)),
    thread: toHex(L > 0.45 ? mix(accent, BLACK, 0.15) : parseHex("#E3C46F")),
    lining: toHex(mix(parseHex("#E9DCCB"), c, 0.12)),
    bgTop: toHex(bgTop),
    bgBottom: toHex(bgBottom),
    shadow: toHex(mix(bgBottom, parseHex("#2A211B"), 0.75)),
    lum: L,
  }
}

// ---------------------------------------------------------------------------------
// Path helpers
// ---------------------------------------------------------------------------------

/** A segment: [x, y] line, [cx, cy, x, y] quadratic, [c1x, c1y, c2x, c2y, x, y] cubic. */
type Seg = number[]

function segCmd(s: Seg): string {
  if (s.length === 2) return `L${n(s[0])} ${n(s[1])}`
  if (s.length === 4) return `Q${n(s[0])} ${n(s[1])} ${n(s[2])} ${n(s[3])}`
  return `C${s.map(n).join(" ")}`
}

/** An open path from a start point and segments. */
function path(start: Pt, segs: Seg[]): string {
  return `M${n(start[0])} ${n(start[1])}` + segs.map(segCmd).join("")
}

/**
 * A closed shape symmetric about x = 400: give the right half from a point on the
 * centre line; the left half is the mirror image traced back to the start.
 */
function sym(start: Pt, segs: Seg[]): string {
  const m = (x: number) => 2 * CX - x
  const pts: Pt[] = [start]
  let d = `M${n(start[0])} ${n(start[1])}`
  for (const s of segs) {
    d += segCmd(s)
    pts.push([s[s.length - 2], s[s.length - 1]])
  }
  const end = pts[pts.length - 1]
  if (Math.abs(end[0] - CX) > 0.05) d += `L${n(m(end[0]))} ${n(end[1])}`
  for (let i = segs.length - 1; i >= 0; i--) {
    const s = segs[i]
    const p = pts[i]
    if (s.length === 2) d += `L${n(m(p[0]))} ${n(p[1])}`
    else if (s.length === 4) d += `Q${n(m(s[0]))} ${n(s[1])} ${n(m(p[0]))} ${n(p[1])}`
    else d += `C${n(m(s[2]))} ${n(s[3])} ${n(m(s[0]))} ${n(s[1])} ${n(m(p[0]))} ${n(p[1])}`
  }
  return d + "Z"
}

/** Mirror a path made only of absolute M/L/Q/C/Z commands about x = 400. */
function mir(d: string): string {
  let i = 0
  return d.replace(/-?\d*\.?\d+/g, (num) => (i++ % 2 === 0 ? n(2 * CX - parseFloat(num)) : num))
}

/** A path and its mirror image. */
const both = (d: string) => [d, mir(d)]

// ---------------------------------------------------------------------------------
// Drawing model
// ---------------------------------------------------------------------------------

/** One piece of fabric (or a group of them) rendered with fill, print, shading and finish. */
type Layer = {
  /** Closed shapes filled with the garment colour and print. */
  parts: string[]
  /** Raw SVG drawn before the parts (chains, heels, linings seen behind). */
  under?: string
  /** Raw SVG drawn last (buttons, hardware). */
  over?: string
  /** Dark panels (pleat shadows, inner faces) clipped to the parts. */
  panels?: string[]
  /** Soft shadow folds. */
  folds?: string[]
  /** Soft highlights. */
  highs?: string[]
  /** Crisp construction lines (seams, pleats, edges). */
  lines?: string[]
  /** Stitching (dashed). */
  seams?: string[]
  /** Fabric surface drawn over the print (denim twill). */
  texture?: "denim"
  /** Stronger, glossy shading for satin-like silhouettes. */
  sheen?: boolean
}

type Drawing = {
  layers: Layer[]
  /** Approximate bounding box of the drawing in its own coordinates. */
  box: [number, number, number, number]
  /** Centre of the close-up in the detail view. */
  focus: Pt
  /** Shadow on a floor (shoes) instead of a flat-lay drop shadow. */
  floor?: [number, number, number]
  /** Magnification of the detail view (default 2.5). */
  zoom?: number
}

type Ctx = { back: boolean; p: Palette; rnd: () => number; j: (amount: number) => number }

// ---------------------------------------------------------------------------------
// Silhouettes (natural coordinates, centre line x = 400)
// ---------------------------------------------------------------------------------

/** Hem stitching a little inside a hem line given as a path. */
const hemStitch = (d: string, dy = -10) => d.replace(/(-?\d*\.?\d+) (-?\d*\.?\d+)/g, (_m, x: string, y: string) => `${x} ${n(parseFloat(y) + dy)}`)

function bodyconMini(c: Ctx): Drawing {
  const neck: Seg[] = c.back
    ? [[434, 236, 450, 226, 452, 200], [450, 104]]
    : [[452, 188], [450, 104]]
  const body = sym([400, c.back ? 238 : 188], [
    ...neck,
    [488, 102],
    [492, 160, 516, 224, 548, 246],
    [554, 290, 540, 340, 530, 380],
    [524, 430, 552, 480, 556, 520],
    [560, 590, 556, 640, 552, 690],
    [476, 704, 400, 704],
  ])
  const folds = [
    ...both(`M${n(526 + c.j(4))} 376 Q494 ${n(396 + c.j(6))} 462 398`),
    ...both(`M${n(548 + c.j(4))} 470 Q506 ${n(486 + c.j(6))} 474 490`),
    ...both("M540 560 Q520 630 506 690"),
  ]
  const highs: string[] = []
  const lines = c.back ? ["M400 238L400 520"] : []
  const seams = [hemStitch("M552 690Q476 704 400 704Q324 704 248 690", -12), ...both(c.back ? "M457 112L459 200" : "M457 112L459 194")]
  if (!c.back) seams.push("M350 197L450 197")
  const over = c.back ? zip(400, 240, 520, c.p) : ""
  return { layers: [{ parts: [body], folds, highs, lines, seams, over }], box: [238, 100, 562, 704], focus: [440, 300] }
}

function bodyconMidi(c: Ctx): Drawing {
  const neck: Seg[] = c.back ? [[430, 180, 456, 150, 466, 100]] : [[440, 230, 462, 190, 466, 100]]
  const body = sym([400, c.back ? 180 : 230], [
    ...neck,
    [506, 100],
    [510, 150, 526, 212, 550, 234],
    [556, 276, 542, 330, 530, 370],
    [524, 420, 554, 460, 560, 500],
    [566, 580, 548, 700, 528, 800],
    [524, 830, 524, 860, 526, 890],
    [464, 900, 400, 900],
  ])
  const slit = c.back ? "M400 900L400 780" : "M290 896L298 770"
  const folds = [
    ...both(`M${n(530 + c.j(4))} 380 Q478 ${n(396 + c.j(6))} 436 392`),
    ...both(`M${n(540 + c.j(4))} 430 Q484 ${n(448 + c.j(6))} 444 442`),
    ...both("M548 560 Q530 680 514 800"),
  ]
  const seams = [hemStitch("M526 890Q464 900 400 900Q336 900 274 890", -12), hemStitch(c.back ? "M392 892L392 784" : "M284 892L292 774", 0)]
  const lines = [slit]
  const over = c.back ? zip(400, 184, 500, c.p) : ""
  return { layers: [{ parts: [body], folds, lines, seams, over }], box: [238, 100, 562, 900], focus: [440, 300] }
}

function slipDress(c: Ctx): Drawing {
  const body = sym([400, c.back ? 300 : 262], [
    c.back ? [430, 296, 466, 214, 480, 186] : [430, 260, 462, 206, 480, 186],
    [506, 200, 530, 220, 548, 232],
    [558, 270, 548, 320, 532, 366],
    [524, 420, 562, 480, 566, 520],
    [576, 640, 598, 790, 614, 890],
    [566, 908, 512, 898],
    [458, 890, 400, 904],
  ])
  const strapR = c.back ? "M480 186L332 96" : "M480 186L470 96"
  const strapL = c.back ? "M320 186L468 96" : "M320 186L330 96"
  const under = straps([strapR, strapL], c.p)
  const folds = c.back
    ? [...both("M470 360 C480 520 500 700 540 880"), "M400 330 C404 500 398 700 402 880"]
    : [
        "M444 248 Q420 286 400 290 Q380 286 356 248",
        "M456 236 Q424 310 400 316 Q376 310 344 236",
        ...both(`M${n(452 + c.j(6))} 420 C456 560 470 720 ${n(500 + c.j(8))} 888`),
      ]
  const highs = [...both(`M${n(486 + c.j(6))} 400 C496 540 510 700 ${n(550 + c.j(8))} 880`), "M404 470 C400 600 404 760 400 880"]
  const seams = [hemStitch("M614 890Q566 908 512 898Q458 890 400 904Q342 890 288 898Q234 908 186 890", -10)]
  return { layers: [{ parts: [body], under, folds, highs, seams, sheen: true }], box: [186, 96, 614, 908], focus: [420, 300] }
}

function aLineDress(c: Ctx): Drawing {
  const neck: Seg[] = c.back
    ? [[430, 150, 470, 142, 476, 105]]
    : [[412, 200, 432, 186, 452, 186], [468, 186, 476, 176, 478, 160], [476, 105]]
  const body = sym([400, c.back ? 150 : 222], [
    ...neck,
    [520, 105],
    [522, 150, 534, 205, 552, 228],
    [560, 270, 552, 320, 530, 360],
    [534, 372],
    [590, 480, 650, 640, 682, 772],
    [640, 792, 590, 780],
    [540, 772, 490, 796, 446, 786],
    [424, 782, 412, 790, 400, 792],
  ])
  const sleeve = (m: boolean) => {
    const d = path([512, 104], [
      [566, 86, 612, 124, 616, 174],
      [618, 214, 598, 240, 572, 244],
      [560, 240, 550, 232, 546, 222],
    ]) + "Z"
    return m ? mir(d) : d
  }
  const waist = "M270 362Q400 376 530 362"
  const skirtLines = [
    "M430 378L452 784",
    "M470 376L520 776",
    "M506 372L588 782",
    "M370 378L348 784",
    "M330 376L280 776",
    "M294 372L212 782",
  ]
  const folds = [...both("M452 392 C460 520 470 650 486 786"), ...both("M520 384 C548 520 580 660 614 776"), ...both("M560 182 Q590 200 600 232")]
  const gathers = [] as string[]
  for (let i = 0; i < 9; i++) {
    const x = 282 + i * 30
    gathers.push(`M${n(x)} 368L${n(x + (x - 400) * 0.06)} 392`)
  }
  const lines = [waist]
  const seams = [hemStitch("M682 772Q640 792 590 780Q540 772 490 796", -11), hemStitch(mir("M682 772Q640 792 590 780Q540 772 490 796"), -11), "M272 352Q400 366 528 352"]
  const cuffs = [...both("M556 230 Q588 232 612 210")]
  const layers: Layer[] = [
    { parts: [body], folds, lines: [...lines, ...skirtLines.map((d) => d)].slice(0, 1), panels: skirtPanels(c.back), seams },
    { parts: [sleeve(false), sleeve(true)], folds: [...both("M548 120 Q566 170 560 226"), ...both("M580 110 Q600 170 590 236")], lines: cuffs },
  ]
  if (c.back) {
    const smock: string[] = []
    for (let y = 250; y <= 340; y += 14) smock.push(`M300 ${y} Q325 ${y + 4} 350 ${y} Q375 ${y + 4} 400 ${y} Q425 ${y + 4} 450 ${y} Q475 ${y + 4} 500 ${y}`)
    layers[0].seams = [...(layers[0].seams ?? []), ...smock]
    layers[0].over = zip(400, 152, 240, c.p)
  } else {
    layers[0].lines = [...(layers[0].lines ?? []), ...gathers]
  }
  return { layers, box: [118, 86, 682, 796], focus: [450, 330] }
}

/** Soft alternating shadow panels for a gathered A-line skirt. */
function skirtPanels(back: boolean): string[] {
  const out: string[] = []
  const tops = [300, 340, 380, 420, 460, 500]
  for (let i = 0; i < tops.length; i += 2) {
    const t0 = tops[i]
    const t1 = t0 + 22
    const b0 = 400 + (t0 - 400) * 2.1
    const b1 = 400 + (t1 - 400) * 2.1
    out.push(`M${t0} 370L${t1} 370L${n(b1)} 800L${n(b0)} 800Z`)
  }
  return back ? out.map(mir) : out
}

function cropTop(c: Ctx): Drawing {
  const neckY = c.back ? 142 : 176
  const body = sym([400, neckY], [
    [430, neckY, 450, c.back ? 138 : 160, 454, 126],
    [540, 146],
    [568, 160, 596, 196, 620, 236],
    [586, 266],
    [572, 252, 558, 244, 548, 240],
    [552, 290, 536, 330, 534, 370],
    [540, 424],
    [470, 432, 400, 432],
  ])
  const band = c.back
    ? "M346 126C350 138 376 142 400 142C424 142 450 138 454 126L466 128C462 146 432 156 400 156C368 156 338 146 334 128Z"
    : "M346 126C350 160 370 176 400 176C430 176 450 160 454 126L466 128C462 170 436 192 400 192C364 192 338 170 334 128Z"
  const seams = [
    ...both("M540 146C548 180 552 210 548 240"),
    ...both("M612 246L578 272"),
    hemStitch("M540 424Q470 432 400 432Q330 432 260 424", -11),
  ]
  const folds = [...both(`M${n(532 + c.j(4))} 300 Q500 ${n(318 + c.j(6))} 470 312`), ...both("M560 200 Q584 220 600 250")]
  return {
    layers: [{ parts: [body], folds, seams, lines: [...both("M546 240L548 244")], over: ribBand(band, c.p) }],
    box: [180, 126, 620, 432],
    focus: [420, 200],
  }
}

function ribBand(d: string, p: Palette): string {
  return `<path d="${d}" fill="${p.shade}" stroke="${p.outline}" stroke-width="1.6" stroke-linejoin="round"/>`
}

function corsetTop(c: Ctx): Drawing {
  const body = sym([400, c.back ? 222 : 252], [
    c.back ? [440, 222, 480, 214, 540, 232] : [412, 226, 430, 204, 456, 204],
    ...(c.back ? [] : [[486, 204, 510, 214, 540, 232]]),
    [550, 280, 536, 322, 526, 362],
    [532, 426],
    [470, 432, 400, 474],
  ])
  const under = straps(c.back ? ["M470 212L360 110", "M330 212L440 110"] : ["M470 208L468 110", "M330 208L332 110"], c.p)
  const bones = [440, 480, 516]
  const lines: string[] = []
  const seams: string[] = []
  for (const x of bones) {
    const top = x < 470 ? 210 : x < 500 ? 210 : 226
    lines.push(...both(`M${x} ${top} C${x + 4} 300 ${x - 6} 360 ${x - 2} ${n(432 + (470 - x) * 0.3)}`))
    seams.push(...both(`M${x - 6} ${top + 6} C${x - 2} 300 ${x - 12} 360 ${x - 8} ${n(430 + (470 - x) * 0.3)}`))
  }
  if (!c.back) lines.push("M400 252L400 474")
  const folds = [...both("M470 300 Q440 318 412 310"), ...both("M500 380 Q470 396 430 392")]
  let over = ""
  if (c.back) over = lacing(c.p)
  else for (let y = 280; y <= 440; y += 32) over += `<rect x="396" y="${y}" width="8" height="5" rx="2" fill="#D8C27A" stroke="#8A7330" stroke-width=".8"/>`
  const topStitch = c.back ? "M266 236Q400 210 534 236" : "M270 240C300 222 330 214 350 216 M450 216C470 214 500 222 530 240"
  seams.push(topStitch)
  return { layers: [{ parts: [body], under, lines, seams, folds, over, sheen: true }], box: [260, 110, 540, 474], focus: [440, 300] }
}

function lacing(p: Palette): string {
  let s = ""
  const ys = [250, 290, 330, 370, 410]
  let lace = ""
  for (let i = 0; i < ys.length - 1; i++) lace += `M386 ${ys[i]}L414 ${ys[i + 1]}M414 ${ys[i]}L386 ${ys[i + 1]}`
  s += `<path d="${lace}" stroke="${p.deep}" stroke-width="3" fill="none" stroke-linecap="round"/>`
  for (const y of ys) s += `<circle cx="386" cy="${y}" r="4" fill="#D8C27A" stroke="#7A6426"/><circle cx="414" cy="${y}" r="4" fill="#D8C27A" stroke="#7A6426"/>`
  s += `<path d="M386 410Q372 432 380 452M414 410Q430 430 422 454M400 418C380 404 372 428 400 424C428 428 420 404 400 418Z" stroke="${p.deep}" stroke-width="3" fill="none" stroke-linecap="round"/>`
  return s
}

function tubeTop(c: Ctx): Drawing {
  const body = sym([400, c.back ? 226 : 240], [
    c.back ? [440, 226, 490, 220, 548, 222] : [430, 226, 482, 214, 548, 218],
    [558, 270, 558, 330, 546, 390],
    c.back ? [470, 398, 400, 396] : [478, 398, 400, 378],
  ])
  const folds = c.back
    ? [...both("M540 300 Q470 310 420 300")]
    : [
        ...both(`M406 258 Q470 ${n(246 + c.j(5))} 540 236`),
        ...both(`M408 300 Q474 ${n(298 + c.j(5))} 548 300`),
        ...both(`M406 344 Q470 ${n(356 + c.j(5))} 544 372`),
      ]
  const highs = c.back ? [] : [...both("M410 280 Q474 272 546 268"), ...both("M410 322 Q472 330 546 338")]
  const lines = c.back ? ["M400 228L400 394"] : ["M392 244C398 290 396 330 392 376", "M408 244C402 290 404 330 408 376"]
  const seams = [hemStitch(c.back ? "M548 222Q490 220 440 226Q400 226 360 226Q310 220 252 222" : "M548 218Q482 214 430 226Q400 240 370 226Q318 214 252 218", 12)]
  return { layers: [{ parts: [body], folds, highs, lines, seams }], box: [242, 214, 558, 398], focus: [430, 300] }
}

function shirtCrop(c: Ctx): Drawing {
  const body = sym([400, c.back ? 132 : 200], [
    ...(c.back ? [[430, 132, 448, 128, 452, 122]] : [[452, 124]]),
    [548, 148],
    [578, 168, 614, 226, 636, 282],
    [588, 306],
    [574, 286, 562, 266, 554, 252],
    [558, 446],
    [480, 452, 400, 450],
  ])
  const layers: Layer[] = []
  const seams = [...both("M548 148C556 190 558 220 554 252"), hemStitch("M558 446Q480 452 400 450Q320 452 242 446", -11), ...both("M626 290L584 308")]
  const lines = [...both("M628 272L580 296")]
  const folds = [...both("M570 200 Q596 236 610 270"), ...both(`M${n(540 + c.j(4))} 380 Q500 ${n(396 + c.j(6))} 460 392`)]
  if (c.back) {
    lines.push("M252 190Q400 206 548 190", "M400 198L400 450")
    seams.push("M252 198Q400 214 548 198")
    const collar = "M340 116Q400 100 460 116L462 134Q400 120 338 134Z"
    layers.push({ parts: [body], seams, lines, folds }, { parts: [collar], panels: [collar], seams: ["M344 122Q400 108 456 122"] })
  } else {
    lines.push("M388 204L388 450", "M412 204L412 450")
    seams.push("M392 208L392 448", "M408 208L408 448")
    seams.push("M440 260L500 260L500 312L470 326L440 312Z")
    lines.push("M440 258L500 258")
    const stand = "M348 120Q400 108 452 120L450 134Q400 124 350 134Z"
    const wing = "M452 120C470 126 480 138 484 150L450 226L404 200Z"
    const wingStitch = "M456 132C468 138 474 146 476 154L448 214L414 196"
    const collar: Layer = {
      parts: [stand, wing, mir(wing)],
      panels: [stand],
      seams: [wingStitch, mir(wingStitch)],
      under: `<path d="M346 122Q400 132 454 122L404 204L396 204Z" fill="${c.p.lum > 0.6 ? c.p.shade : c.p.deep}"/>`,
    }
    let over = ""
    for (const y of [236, 290, 344, 398]) over += button(400, y, 6.5, c.p)
    layers.push({ parts: [body], seams, lines, folds, over }, collar)
  }
  return { layers, box: [164, 108, 636, 452], focus: [430, 230] }
}

function coordSet(c: Ctx): Drawing {
  const top = sym([400, c.back ? 124 : 170], [
    ...(c.back ? [[432, 124, 450, 118, 452, 100]] : [[456, 170], [452, 100]]),
    [496, 100],
    [498, 140, 516, 180, 544, 196],
    [550, 240, 538, 280, 534, 320],
    [536, 350],
    [470, 356, 400, 356],
  ])
  const topLayer: Layer = {
    parts: [top],
    seams: [hemStitch("M536 350Q470 356 400 356Q330 356 264 350", -10), ...(c.back ? [] : ["M344 182L456 182"])],
    folds: [...both("M530 290 Q500 306 470 300")],
    over: c.back ? zip(400, 126, 300, c.p) : "",
  }
  const wy = 410
  const pants = legs({ wy, wh: 128, hy: 540, hh: 160, cy: 650, hemY: 1130, ho: 238, hi: 20 })
  const pantLayer: Layer = {
    parts: [pants],
    lines: [`M272 ${wy + 36}Q400 ${wy + 40} 528 ${wy + 36}`, ...both("M470 446L482 500"), ...both("M478 560 C486 760 490 940 494 1126")],
    seams: [`M274 ${wy + 30}Q400 ${wy + 34} 526 ${wy + 30}`, ...both("M638 1118L414 1118".replace("414", "420")), ...(c.back ? [] : [path([404, 450], [[404, 560, 420, 600]])])],
    folds: [...both("M560 700 C580 860 600 980 614 1124"), ...both("M430 700 C432 860 440 1000 440 1124")],
    highs: [...both("M486 580 C492 760 496 940 498 1120")],
  }
  return { layers: [topLayer, pantLayer], box: [162, 100, 638, 1130], focus: [450, 330] }
}

function legs(o: { wy: number; wh: number; hy: number; hh: number; cy: number; hemY: number; ho: number; hi: number }): string {
  return sym([CX, o.wy], [
    [CX + o.wh, o.wy],
    [CX + o.wh + (o.hh - o.wh) * 0.5, o.wy + (o.hy - o.wy) * 0.45, CX + o.hh, o.hy - (o.hy - o.wy) * 0.3, CX + o.hh, o.hy],
    [CX + o.hh + (o.ho - o.hh) * 0.15, o.hy + (o.hemY - o.hy) * 0.35, CX + o.ho - (o.ho - o.hh) * 0.1, o.hemY - (o.hemY - o.hy) * 0.3, CX + o.ho, o.hemY],
    [CX + o.hi + (o.ho - o.hi) * 0.5, o.hemY + 6, CX + o.hi, o.hemY],
    [CX + o.hi, o.hemY - (o.hemY - o.cy) * 0.55, CX + 12, o.cy + 16, CX, o.cy],
  ])
}

function skirtMini(c: Ctx): Drawing {
  const body = sym([400, 300], [[530, 300], [532, 340], [560, 430, 590, 540, 614, 640], [510, 662, 400, 664]])
  const lines = ["M268 340Q400 346 532 340"]
  const seams = ["M270 332Q400 338 530 332", "M268 310Q400 316 532 310", hemStitch("M614 640Q510 662 400 664Q290 662 186 640", -12)]
  const folds = [...both(`M${n(470 + c.j(5))} 360 Q500 520 ${n(520 + c.j(8))} 654`), ...both("M560 470 Q580 560 596 640")]
  let over = ""
  if (c.back) {
    lines.push(...both("M470 344L478 420"))
    over = zip(400, 304, 470, c.p)
  } else {
    lines.push("M400 344L400 660", ...both("M468 344L474 410"))
    seams.push("M408 344L408 658")
    over = button(400, 320, 8, c.p)
  }
  return { layers: [{ parts: [body], lines, seams, folds, over }], box: [186, 300, 614, 664], focus: [430, 380] }
}

function skirtMidi(c: Ctx): Drawing {
  const body = sym([400, 222], [
    [520, 222],
    [522, 250],
    [548, 300, 566, 360, 570, 420],
    [582, 600, 612, 800, 636, 900],
    [580, 918, 520, 906],
    [460, 896, 400, 910],
  ])
  const lines = ["M278 250Q400 256 522 250"]
  const gathers: string[] = []
  for (let x = 292; x <= 508; x += 18) gathers.push(`M${x} 226L${x + (x - 400) * 0.02} 248`)
  const folds = [
    ...both(`M${n(446 + c.j(5))} 300 C452 480 470 700 ${n(490 + c.j(8))} 900`),
    ...both(`M${n(520 + c.j(5))} 360 C540 560 570 760 ${n(590 + c.j(8))} 906`),
    "M400 420 C404 600 398 760 402 900",
  ]
  const highs = [...both(`M${n(486 + c.j(5))} 320 C500 500 520 720 548 902`)]
  const seams = [hemStitch("M636 900Q580 918 520 906Q460 896 400 910Q340 896 280 906Q220 918 164 900", -10)]
  let over = ""
  if (c.back) over = zip(514, 254, 380, c.p)
  return { layers: [{ parts: [body], lines: [...lines, ...gathers], seams, folds, highs, over, sheen: true }], box: [164, 222, 636, 918], focus: [430, 300] }
}

function skirtPleated(c: Ctx): Drawing {
  const hemPts: Seg[] = []
  const count = 7
  for (let i = count - 1; i >= 0; i--) {
    const x0 = 400 + ((i + 1) / count) * 280
    const x1 = 400 + (i / count) * 280
    const y0 = 820 + (1 - (i + 1) / count) * 16
    const y1 = 820 + (1 - i / count) * 16
    hemPts.push([(x0 + x1) / 2, Math.max(y0, y1) + 14, x1, y1])
  }
  const body = sym([400, 220], [[524, 220], [526, 256], [680, 820], ...hemPts])
  const panels: string[] = []
  const lines: string[] = ["M274 256Q400 262 526 256"]
  const n2 = 14
  for (let i = 0; i < n2; i++) {
    const t0 = 400 + (i / n2 - 0.5) * 2 * 126
    const t1 = 400 + ((i + 1) / n2 - 0.5) * 2 * 126
    const b0 = 400 + (i / n2 - 0.5) * 2 * 280
    const b1 = 400 + ((i + 1) / n2 - 0.5) * 2 * 280
    const hb0 = 820 + Math.abs(i / n2 - 0.5) * -32 + 16
    const hb1 = 820 + Math.abs((i + 1) / n2 - 0.5) * -32 + 16
    if (i % 2 === 0) panels.push(`M${n(t0)} 258L${n(t1)} 258L${n(b1 - 6)} ${n(hb1 + 20)}L${n(b0 + 6)} ${n(hb0 + 20)}Z`)
    lines.push(`M${n(t0)} 258L${n(b0)} ${n(hb0 + 12)}`)
  }
  const seams = ["M276 248Q400 254 524 248", "M274 228Q400 234 526 228"]
  const highs = [...both("M430 300 L470 800"), ...both("M520 320 L600 800")]
  const over = c.back ? zip(400, 224, 330, c.p) : ""
  return { layers: [{ parts: [body], panels, lines, seams, highs, over }], box: [120, 220, 680, 836], focus: [430, 330] }
}

type PantOpts = { wy: number; wh: number; hy: number; hh: number; cy: number; hemY: number; ho: number; hi: number }

function denimDetails(c: Ctx, o: PantOpts, shorts: boolean): Partial<Layer> {
  const band = o.wy + 40
  const gold = "#C98F3C"
  const lines = [`M${CX - o.wh - 2} ${band}Q${CX} ${band + 6} ${CX + o.wh + 2} ${band}`]
  const seams: string[] = [`M${CX - o.wh} ${o.wy + 8}Q${CX} ${o.wy + 12} ${CX + o.wh} ${o.wy + 8}`, `M${CX - o.wh} ${band - 8}Q${CX} ${band - 2} ${CX + o.wh} ${band - 8}`]
  let over = ""
  const loops = [-o.wh + 20, -56, 56, o.wh - 20]
  for (const dx of loops) over += `<rect x="${n(CX + dx - 6)}" y="${o.wy - 4}" width="12" height="${band - o.wy + 12}" rx="3" fill="${c.p.base}" stroke="${c.p.outline}" stroke-width="1.4"/>`
  if (c.back) {
    lines.push(`M${CX - o.wh - 2} ${band + 50}L${CX} ${band + 80}L${CX + o.wh + 2} ${band + 50}`, `M${CX} ${band + 80}L${CX} ${o.cy}`)
    seams.push(`M${CX - o.wh} ${band + 58}L${CX} ${band + 88}L${CX + o.wh} ${band + 58}`)
    for (const s of [1, -1]) {
      const x = CX + s * 70
      const y = band + 100
      const pocket = `M${x - 48} ${y}L${x + 48} ${y}L${x + 44} ${y + 100}L${x} ${y + 124}L${x - 44} ${y + 100}Z`
      lines.push(pocket)
      seams.push(`M${x - 40} ${y + 8}L${x + 40} ${y + 8}L${x + 37} ${y + 94}L${x} ${y + 114}L${x - 37} ${y + 94}Z`, `M${x - 26} ${y + 40}Q${x} ${y + 70} ${x + 26} ${y + 40}`)
    }
  } else {
    lines.push(`M${CX + 6} ${band}L${CX + 6} ${o.cy - 40}`)
    seams.push(`M${CX + 20} ${band + 4}L${CX + 20} ${o.cy - 70}Q${CX + 18} ${o.cy - 46} ${CX + 2} ${o.cy - 40}`)
    for (const s of [1, -1]) {
      const d = `M${CX + s * (o.wh - 68)} ${band}Q${CX + s * (o.wh - 50)} ${band + 70} ${CX + s * (o.wh + 6)} ${band + 82}`
      lines.push(d)
      seams.push(`M${CX + s * (o.wh - 80)} ${band}Q${CX + s * (o.wh - 60)} ${band + 82} ${CX + s * (o.wh + 8)} ${band + 94}`)
      over += `<circle cx="${n(CX + s * (o.wh + 2))}" cy="${band + 84}" r="3.2" fill="${gold}" stroke="#6B4A1C" stroke-width=".8"/>`
    }
    seams.push(`M${CX + o.wh - 62} ${band + 4}L${CX + o.wh - 60} ${band + 40}L${CX + o.wh - 24} ${band + 46}`)
    over += `<circle cx="${CX}" cy="${o.wy + 20}" r="9" fill="${gold}" stroke="#6B4A1C" stroke-width="1.4"/><circle cx="${CX}" cy="${o.wy + 20}" r="4" fill="none" stroke="#6B4A1C" stroke-width="1"/>`
  }
  if (!shorts) {
    seams.push(...both(`M${CX + o.ho - 4} ${o.hemY - 12}L${CX + o.hi + 4} ${o.hemY - 12}`))
    seams.push(...both(`M${CX + o.hi + 8} ${o.hemY - 16}C${CX + o.hi + 6} ${o.hemY - (o.hemY - o.cy) * 0.5} ${CX + 22} ${o.cy + 24} ${CX + 10} ${o.cy + 16}`))
  }
  return { lines, seams, over }
}

function jeans(c: Ctx): Drawing {
  const o = { wy: 120, wh: 132, hy: 290, hh: 168, cy: 410, hemY: 1070, ho: 204, hi: 22 }
  const body = legs(o)
  const d = denimDetails(c, o, false)
  const highs = [...both(`M${n(452 + c.j(4))} 430 Q470 440 500 432`), ...both("M446 450 Q466 460 494 456"), ...both("M500 600 C510 760 516 900 520 1060"), ...both("M470 880 Q500 890 540 884")]
  const folds = [...both("M560 640 C570 800 580 940 590 1064"), ...both("M430 760 Q470 772 520 766")]
  return { layers: [{ parts: [body], ...d, highs, folds, texture: "denim" }], box: [196, 112, 604, 1076], focus: [470, 220] }
}

function trousers(c: Ctx): Drawing {
  const o = { wy: 130, wh: 126, hy: 290, hh: 160, cy: 420, hemY: 1080, ho: 236, hi: 24 }
  const body = legs(o)
  const band = o.wy + 36
  const lines = [`M272 ${band}Q400 ${band + 6} 528 ${band}`]
  const seams = [`M274 ${o.wy + 8}Q400 ${o.wy + 12} 526 ${o.wy + 8}`, ...both(`M${CX + o.ho - 4} ${o.hemY - 14}L${CX + o.hi + 4} ${o.hemY - 14}`)]
  const highs = [...both("M488 300 C496 560 506 820 512 1074")]
  const folds = [...both("M570 640 C590 820 606 960 620 1078"), ...both("M440 640 C444 800 448 960 450 1078")]
  let over = ""
  for (const dx of [-106, -54, 54, 106]) over += `<rect x="${CX + dx - 5}" y="${o.wy - 2}" width="10" height="${band - o.wy + 8}" rx="2" fill="${c.p.base}" stroke="${c.p.outline}" stroke-width="1.3"/>`
  if (c.back) {
    lines.push("M400 166L400 420")
    for (const s of [1, -1]) {
      lines.push(`M${CX + s * 40} 226L${CX + s * 104} 226`, `M${CX + s * 72} 170L${CX + s * 74} 214`)
      over += button(CX + s * 72, 216, 5, c.p)
    }
  } else {
    lines.push("M406 166L406 350", ...both("M506 166L540 276"), ...both("M456 166 Q458 196 462 220"), ...both("M488 300 C496 560 506 820 512 1074"))
    seams.push("M420 170L420 330Q418 350 404 356")
    over += `<rect x="394" y="${o.wy + 10}" width="24" height="12" rx="3" fill="${c.p.shade}" stroke="${c.p.outline}" stroke-width="1.2"/>`
  }
  return { layers: [{ parts: [body], lines, seams, highs, folds, over }], box: [164, 126, 636, 1086], focus: [470, 230] }
}

function cargo(c: Ctx): Drawing {
  const o = { wy: 130, wh: 132, hy: 300, hh: 172, cy: 430, hemY: 1070, ho: 196, hi: 34 }
  const body = legs(o)
  const band = o.wy + 40
  const lines = [`M266 ${band}Q400 ${band + 6} 534 ${band}`, ...both("M560 760 Q500 774 440 764")]
  const seams = [`M268 ${o.wy + 8}Q400 ${o.wy + 12} 532 ${o.wy + 8}`, ...both(`M${CX + o.ho - 4} ${o.hemY - 30}L${CX + o.hi + 4} ${o.hemY - 30}`), ...both("M560 770 Q500 784 440 774")]
  const folds = [...both("M530 860 Q500 900 460 890"), ...both("M560 980 Q520 1010 470 1000"), ...both("M480 300 Q500 360 484 420")]
  let over = ""
  const pockets: Layer = { parts: [], seams: [] }
  const flaps: Layer = { parts: [], seams: [], panels: [], over: "" }
  for (const s of [1, -1]) {
    const x = CX + s * 150
    pockets.parts.push(`M${x - 46} 500L${x + 46} 500L${x + 50} 660L${x - 42} 664Z`)
    pockets.seams?.push(`M${x - 38} 508L${x + 38} 508L${x + 42} 652L${x - 34} 656Z`)
    const flap = `M${x - 52} 488L${x + 52} 488L${x + 54} 540L${x - 50} 542Z`
    flaps.parts.push(flap)
    flaps.panels?.push(flap)
    flaps.seams?.push(`M${x - 44} 496L${x + 44} 496L${x + 46} 532L${x - 42} 534`)
    flaps.over += `<circle cx="${x}" cy="528" r="5" fill="${c.p.deep}"/>`
    over += `<path d="M${CX + s * 150} ${o.hemY - 10}Q${CX + s * 140} ${o.hemY + 30} ${CX + s * 152} ${o.hemY + 54}" stroke="${c.p.deep}" stroke-width="3" fill="none"/><rect x="${CX + s * 152 - 6}" y="${o.hemY + 50}" width="12" height="18" rx="4" fill="#2B2B2B"/>`
  }
  for (const dx of [-110, -56, 56, 110]) over += `<rect x="${CX + dx - 5}" y="${o.wy - 3}" width="10" height="${band - o.wy + 10}" rx="2" fill="${c.p.base}" stroke="${c.p.outline}" stroke-width="1.3"/>`
  if (c.back) {
    lines.push("M400 170L400 430")
  } else {
    lines.push("M406 170L406 370", ...both("M520 170Q530 240 560 270"))
    seams.push("M420 174L420 350Q418 366 404 372")
    over += `<path d="M392 ${band - 6}Q378 230 388 260M408 ${band - 6}Q424 232 414 262" stroke="${c.p.deep}" stroke-width="3" fill="none" stroke-linecap="round"/><rect x="380" y="256" width="12" height="16" rx="4" fill="#2B2B2B"/><rect x="408" y="258" width="12" height="16" rx="4" fill="#2B2B2B"/>`
  }
  return { layers: [{ parts: [body], lines, seams, folds, over }, pockets, flaps], box: [200, 126, 600, 1124], focus: [550, 520] }
}

function shorts(c: Ctx): Drawing {
  const o = { wy: 200, wh: 134, hy: 330, hh: 172, cy: 458, hemY: 566, ho: 198, hi: 30 }
  const body = sym([CX, o.wy], [
    [CX + o.wh, o.wy],
    [CX + 156, 260, CX + o.hh, 300, CX + o.hh, o.hy],
    [CX + 180, 420, CX + 192, 500, CX + o.ho, o.hemY],
    [CX + 120, 562, CX + o.hi, 554],
    [CX + 28, 512, CX + 14, 470, CX, o.cy],
  ])
  const d = denimDetails(c, o, true)
  const cuff = both("M598 566Q520 562 430 554L432 526Q520 536 594 538Z")
  const lines = [...(d.lines ?? []), ...both("M594 538Q520 536 432 526")]
  const seams = [...(d.seams ?? []), ...both("M596 556Q520 552 432 544")]
  const folds = [...both("M470 480 Q520 500 566 494")]
  return { layers: [{ parts: [body], ...d, lines, seams, folds, panels: cuff, texture: "denim" }], box: [200, 192, 600, 566], focus: [470, 300] }
}

// ---- accessories ------------------------------------------------------------------

function heels(c: Ctx): Drawing {
  const shoe = (dx: number, dy: number, s: number): Layer => {
    const t = (x: number, y: number) => `${n(dx + x * s)} ${n(dy + y * s)}`
    const upper =
      `M${t(130, 790)}C${t(160, 760)} ${t(240, 730)} ${t(330, 716)}C${t(342, 712)} ${t(350, 711)} ${t(356, 712)}` +
      `C${t(436, 700)} ${t(520, 600)} ${t(556, 520)}L${t(566, 522)}C${t(584, 546)} ${t(584, 584)} ${t(568, 606)}` +
      `C${t(500, 620)} ${t(420, 790)} ${t(330, 800)}C${t(250, 806)} ${t(170, 806)} ${t(130, 790)}Z`
    const inside =
      `M${t(356, 712)}C${t(440, 676)} ${t(512, 566)} ${t(546, 498)}L${t(556, 520)}C${t(520, 600)} ${t(436, 700)} ${t(356, 712)}Z`
    const insole = `M${t(420, 690)}C${t(470, 660)} ${t(520, 590)} ${t(548, 530)}L${t(554, 522)}C${t(520, 600)} ${t(470, 668)} ${t(420, 690)}Z`
    const sole =
      `M${t(130, 790)}C${t(170, 806)} ${t(250, 806)} ${t(330, 800)}C${t(420, 790)} ${t(500, 622)} ${t(568, 606)}` +
      `L${t(570, 616)}C${t(502, 634)} ${t(424, 804)} ${t(330, 812)}C${t(250, 818)} ${t(160, 816)} ${t(130, 790)}Z`
    const heel = `M${t(524, 616)}C${t(532, 700)} ${t(538, 760)} ${t(540, 806)}L${t(552, 806)}C${t(552, 740)} ${t(560, 680)} ${t(572, 610)}Z`
    const tip = `M${t(538, 800)}L${t(554, 800)}L${t(554, 820)}L${t(538, 820)}Z`
    const band = `M${t(574, 472)}C${t(544, 452)} ${t(486, 452)} ${t(458, 476)}`
    const quarter = `M${t(562, 524)}L${t(568, 470)}`
    const dark = "#2A2522"
    const strap = (d: string) => `<path d="${d}" stroke="${c.p.outline}" stroke-width="${n(11 * s)}" fill="none" stroke-linecap="round"/><path d="${d}" stroke="${c.p.base}" stroke-width="${n(8 * s)}" fill="none" stroke-linecap="round"/>`
    const under =
      strap(quarter) +
      `<path d="${inside}" fill="${c.p.lining}" stroke="${c.p.outline}" stroke-width="1.2"/>` +
      `<path d="${insole}" fill="${toHex(mix(parseHex(c.p.lining), BLACK, 0.25))}"/>` +
      `<path d="${heel}" fill="${c.p.shade}" stroke="${c.p.outline}" stroke-width="1.6"/><path d="${tip}" fill="${dark}"/>`
    const over =
      `<path d="${sole}" fill="${dark}"/>` +
      strap(band) +
      `<rect x="${n(dx + 446 * s)}" y="${n(dy + 466 * s)}" width="${n(14 * s)}" height="${n(18 * s)}" rx="${n(3 * s)}" fill="none" stroke="url(#metal)" stroke-width="${n(3.4 * s)}"/>`
    return {
      parts: [upper],
      under,
      over,
      highs: [`M${t(160, 774)}C${t(220, 750)} ${t(280, 738)} ${t(332, 730)}`, `M${t(568, 540)}C${t(574, 556)} ${t(574, 574)} ${t(566, 590)}`],
      lines: [`M${t(520, 612)}C${t(540, 590)} ${t(556, 560)} ${t(562, 530)}`],
      sheen: true,
    }
  }
  return {
    layers: [shoe(150, -56, 0.92), shoe(0, 0, 1)],
    box: [130, 380, 690, 822],
    focus: [400, 650],
    floor: [410, 822, 290],
    zoom: 1.9,
  }
}

function clutch(c: Ctx): Drawing {
  const body = "M196 392Q196 372 216 372L584 372Q604 372 604 392L612 640Q612 664 588 664L212 664Q188 664 188 640Z"
  const flap = "M200 380Q200 368 216 368L584 368Q600 368 600 380L420 566Q400 582 380 566Z"
  const chain = chainPath("M560 384C640 330 700 380 680 470C662 550 700 610 730 640")
  if (c.back) {
    return {
      layers: [{ parts: [body], under: chain, lines: ["M212 420L588 420"], seams: ["M212 412L588 412", "M210 648L590 648"], highs: ["M220 390L580 390"], sheen: true }],
      box: [180, 340, 700, 670],
      focus: [400, 470],
    }
  }
  const clasp = `<rect x="370" y="548" width="60" height="22" rx="11" fill="url(#metal)" stroke="#7A6224" stroke-width="1.5"/><circle cx="400" cy="559" r="6" fill="#FFF6D0" stroke="#7A6224" stroke-width="1"/>`
  return {
    layers: [
      { parts: [body], under: chain, seams: ["M204 644L596 644"], sheen: true },
      { parts: [flap], seams: ["M214 382L586 382L412 552Q400 562 388 552Z"], folds: ["M240 400 L400 560"], over: clasp, sheen: true },
    ],
    box: [180, 340, 700, 670],
    focus: [400, 520],
  }
}

function chainPath(d: string): string {
  return `<path d="${d}" fill="none" stroke="#8A6D22" stroke-width="9" stroke-dasharray="14 5" stroke-linecap="round"/><path d="${d}" fill="none" stroke="#E7C766" stroke-width="5" stroke-dasharray="14 5" stroke-linecap="round"/>`
}

function earrings(c: Ctx): Drawing {
  const one = (x: number): Layer => {
    const top = 420
    const drop = `M${x} ${top}C${x + 44} ${top + 54} ${x + 74} ${top + 116} ${x + 74} ${top + 170}C${x + 74} ${top + 230} ${x + 40} ${top + 262} ${x} ${top + 262}C${x - 40} ${top + 262} ${x - 74} ${top + 230} ${x - 74} ${top + 170}C${x - 74} ${top + 116} ${x - 44} ${top + 54} ${x} ${top}Z`
    const cy = top + 176
    const facets =
      `<path d="M${x} ${top + 8}L${x + 30} ${cy - 20}L${x} ${cy}L${x - 30} ${cy - 20}Z" fill="#fff" fill-opacity=".22"/>` +
      `<path d="M${x - 30} ${cy - 20}L${x} ${cy}L${x - 40} ${cy + 60}L${x - 68} ${cy}Z" fill="#000" fill-opacity=".12"/>` +
      `<path d="M${x + 30} ${cy - 20}L${x} ${cy}L${x + 40} ${cy + 60}L${x + 68} ${cy}Z" fill="#fff" fill-opacity=".1"/>` +
      `<path d="M${x - 40} ${cy + 60}L${x} ${cy}L${x + 40} ${cy + 60}L${x} ${top + 256}Z" fill="#000" fill-opacity=".18"/>` +
      `<ellipse cx="${x - 26}" cy="${top + 96}" rx="9" ry="20" transform="rotate(28 ${x - 26} ${top + 96})" fill="#fff" fill-opacity=".7"/>`
    const bezel = `<path d="${drop}" fill="none" stroke="url(#metal)" stroke-width="9"/><path d="${drop}" fill="none" stroke="#7A6224" stroke-width="1.2"/>`
    const prongs = [0, 90, 180, 270]
      .map((a) => {
        const r = (a * Math.PI) / 180
        const px = x + Math.cos(r) * 72
        const py = top + 170 + Math.sin(r) * 90
        return `<circle cx="${n(px)}" cy="${n(py)}" r="6" fill="url(#metal)" stroke="#7A6224" stroke-width="1"/>`
      })
      .join("")
    const hook = `<path d="M${x} 318C${x - 2} 262 ${x + 48} 246 ${x + 52} 290C${x + 56} 328 ${x + 32} 352 ${x + 28} 384" fill="none" stroke="#8A6D22" stroke-width="6" stroke-linecap="round"/><path d="M${x} 318C${x - 2} 262 ${x + 48} 246 ${x + 52} 290C${x + 56} 328 ${x + 32} 352 ${x + 28} 384" fill="none" stroke="#EBCB6A" stroke-width="3" stroke-linecap="round"/>`
    const stud = `<circle cx="${x}" cy="338" r="22" fill="url(#metal)" stroke="#7A6224" stroke-width="1.2"/><circle cx="${x}" cy="338" r="12" fill="${c.p.base}" stroke="${c.p.deep}" stroke-width="1"/><circle cx="${x - 4}" cy="334" r="3.5" fill="#fff" fill-opacity=".8"/>`
    const link = `<ellipse cx="${x}" cy="${(360 + top) / 2 + 2}" rx="7" ry="${(top - 360) / 2 + 6}" fill="none" stroke="url(#metal)" stroke-width="5"/>`
    return { parts: [drop], under: hook + link, over: facets + bezel + prongs + stud, sheen: true }
  }
  return { layers: [one(290), one(510)], box: [200, 240, 600, 690], focus: [290, 560] }
}

// ---- shared hardware ----------------------------------------------------------------

function zip(x: number, y0: number, y1: number, p: Palette): string {
  return (
    `<path d="M${x} ${y0}L${x} ${y1}" stroke="${p.deep}" stroke-width="3"/>` +
    `<path d="M${x - 3} ${y0}L${x - 3} ${y1}M${x + 3} ${y0}L${x + 3} ${y1}" stroke="${p.stitch}" stroke-width="1.1" stroke-dasharray="3 3"/>` +
    `<rect x="${x - 5}" y="${y0 + 4}" width="10" height="18" rx="3" fill="url(#metal)" stroke="#6E5A22" stroke-width="1"/>`
  )
}

function button(x: number, y: number, r: number, p: Palette): string {
  const fill = p.lum > 0.5 ? "#8B6A4E" : "#E9E1D3"
  return `<circle cx="${n(x)}" cy="${n(y)}" r="${r}" fill="${fill}" stroke="#00000055" stroke-width="1"/><circle cx="${n(x - r * 0.3)}" cy="${n(y)}" r="${n(r * 0.18)}" fill="#00000066"/><circle cx="${n(x + r * 0.3)}" cy="${n(y)}" r="${n(r * 0.18)}" fill="#00000066"/>`
}

function straps(ds: string[], p: Palette): string {
  return ds.map((d) => `<path d="${d}" stroke="${p.outline}" stroke-width="7" stroke-linecap="round" fill="none"/><path d="${d}" stroke="${p.base}" stroke-width="4.4" stroke-linecap="round" fill="none"/>`).join("")
}

const BUILDERS: Record<string, (c: Ctx) => Drawing> = {
  "bodycon-mini": bodyconMini,
  "bodycon-midi": bodyconMidi,
  "slip-dress": slipDress,
  "a-line-dress": aLineDress,
  "crop-top": cropTop,
  "corset-top": corsetTop,
  "tube-top": tubeTop,
  "shirt-crop": shirtCrop,
  "coord-set": coordSet,
  "skirt-mini": skirtMini,
  "skirt-midi": skirtMidi,
  "skirt-pleated": skirtPleated,
  jeans,
  trousers,
  cargo,
  shorts,
  heels,
  clutch,
  earrings,
}

// ---------------------------------------------------------------------------------
// Prints
// ---------------------------------------------------------------------------------

function flower(x: number, y: number, r: number, petal: string, centre: string, rot: number): string {
  let s = `<g transform="translate(${x} ${y}) rotate(${rot})" fill="${petal}">`
  for (let a = 0; a < 360; a += 72) s += `<ellipse cy="${n(-r * 0.55)}" rx="${n(r * 0.36)}" ry="${n(r * 0.55)}" transform="rotate(${a})"/>`
  return s + `<circle r="${n(r * 0.26)}" fill="${centre}"/></g>`
}

function leaf(x: number, y: number, len: number, rot: number, fill: string): string {
  return `<path transform="translate(${x} ${y}) rotate(${rot})" d="M0 0Q${n(len * 0.5)} ${n(-len * 0.32)} ${len} 0Q${n(len * 0.5)} ${n(len * 0.32)} 0 0Z" fill="${fill}"/>`
}

function arcPath(cx: number, cy: number, r: number, a0: number, a1: number): string {
  const p = (a: number): Pt => [cx + Math.cos((a * Math.PI) / 180) * r, cy + Math.sin((a * Math.PI) / 180) * r * 0.8]
  const [x0, y0] = p(a0)
  const [xm, ym] = p((a0 + a1) / 2)
  const [x1, y1] = p(a1)
  const qx = 2 * xm - (x0 + x1) / 2
  const qy = 2 * ym - (y0 + y1) / 2
  return `M${n(x0)} ${n(y0)}Q${n(qx)} ${n(qy)} ${n(x1)} ${n(y1)}`
}

function patternDef(kind: string, p: Palette, id: string, rnd: () => number): string {
  const off = (size: number) => `patternTransform="translate(${n(rnd() * size)} ${n(rnd() * size)})"`
  const open = (w: number, h: number) => `<pattern id="${id}" width="${w}" height="${h}" patternUnits="userSpaceOnUse" ${off(w)}>`
  switch (kind) {
    case "striped":
      return `${open(38, 38)}<rect width="12" height="38" fill="${p.ink}" fill-opacity=".88"/><rect x="24" width="2.5" height="38" fill="${p.ink}" fill-opacity=".55"/></pattern>`
    case "checked":
      return (
        `${open(52, 52)}<rect width="26" height="52" fill="${p.ink}" fill-opacity=".3"/><rect width="52" height="26" fill="${p.ink}" fill-opacity=".3"/>` +
        `<rect x="38" width="3" height="52" fill="${p.accent}" fill-opacity=".55"/><rect y="38" width="52" height="3" fill="${p.accent}" fill-opacity=".55"/></pattern>`
      )
    case "polka":
      return `${open(46, 46)}<circle cx="11.5" cy="11.5" r="6.5" fill="${p.ink}"/><circle cx="34.5" cy="34.5" r="6.5" fill="${p.ink}"/></pattern>`
    case "floral": {
      const centre = p.lum > 0.5 ? "#E0A526" : "#F3CF5B"
      const [fh, fs, fl] = toHsl(parseHex(p.base))
      const light = p.lum > 0.36
      const petal1 = fs < 0.12 ? (light ? "#B8374A" : "#F2C6CC") : toHex(light ? fromHsl(fh, clamp(fs + 0.2, 0.4, 0.85), clamp(fl - 0.3, 0.22, 0.45)) : mix(parseHex(p.base), WHITE, 0.82))
      const petal2 = light ? "#FFFFFF" : p.accent
      return (
        `${open(140, 140)}` +
        leaf(40, 40, 34, 35, p.leaf) +
        leaf(40, 40, 30, 200, p.leaf) +
        leaf(104, 100, 28, -30, p.leaf) +
        leaf(104, 100, 26, 140, p.leaf) +
        flower(40, 40, 26, petal1, centre, 10) +
        flower(104, 100, 20, petal2, centre, 40) +
        flower(112, 26, 10, p.accent2, centre, 0) +
        flower(22, 114, 9, p.accent2, centre, 20) +
        `<circle cx="70" cy="76" r="3" fill="${petal1}"/><circle cx="134" cy="66" r="2.5" fill="${petal2}"/></pattern>`
      )
    }
    case "animal": {
      const ring = toHex(mix(parseHex(p.base), parseHex("#1B120B"), 0.86))
      const fill = toHex(mix(parseHex(p.base), parseHex("#5A3A1C"), 0.35))
      const spots: [number, number, number, number][] = [
        [18, 20, 10, 10], [62, 12, 8, 70], [102, 34, 11, 140], [40, 58, 9, 200], [86, 76, 10, 260],
        [16, 98, 8, 320], [56, 104, 11, 30], [108, 110, 8, 100],
      ]
      let s = open(124, 124)
      for (const [x, y, r, rot] of spots) {
        s += `<ellipse cx="${x}" cy="${y}" rx="${n(r * 0.72)}" ry="${n(r * 0.5)}" transform="rotate(${rot} ${x} ${y})" fill="${fill}"/>`
        const d = arcPath(x, y, r, rot, rot + 70) + arcPath(x, y, r, rot + 105, rot + 190) + arcPath(x, y, r, rot + 225, rot + 315)
        s += `<path d="${d}" fill="none" stroke="${ring}" stroke-width="4" stroke-linecap="round"/>`
      }
      return s + `<circle cx="36" cy="86" r="2.6" fill="${ring}"/><circle cx="84" cy="44" r="3" fill="${ring}"/><circle cx="120" cy="70" r="2.2" fill="${ring}"/><circle cx="84" cy="118" r="2.4" fill="${ring}"/></pattern>`
    }
    case "sequin": {
      // Overlapping discs in staggered rows, 4 x 4 to a tile (small tiles are slow to rasterise).
      const light = toHex(mix(parseHex(p.base), WHITE, 0.55))
      let discs = ""
      let glints = ""
      for (let row = 0; row <= 4; row++) {
        for (let col = 0; col <= 4; col++) {
          for (const [ox, oy] of [[0, 0], [7, 6]]) {
            const x = col * 14 + ox
            const y = row * 12 + oy
            if (x > 56 + 6 || y > 48 + 6) continue
            discs += `<circle cx="${x}" cy="${y}" r="5.4"/>`
            glints += `M${x - 2.9} ${y - 1.6}h2.6`
          }
        }
      }
      return (
        `${open(56, 48)}<g fill="url(#${id}g)" stroke="${p.deep}" stroke-opacity=".45" stroke-width=".6">${discs}</g>` +
        `<path d="${glints}" stroke="${light}" stroke-width="2.2" stroke-linecap="round"/></pattern>` +
        `<linearGradient id="${id}g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${light}"/><stop offset=".5" stop-color="${p.base}"/><stop offset="1" stop-color="${p.deep}"/></linearGradient>`
      )
    }
    case "embroidered": {
      // Lazy-daisy flowers with a French-knot centre and a pair of stitched leaves.
      const motif = (x: number, y: number, r: number) => {
        let petals = ""
        for (let a = 0; a < 360; a += 60) petals += `<ellipse cx="${x}" cy="${n(y - r * 0.55)}" rx="${n(r * 0.22)}" ry="${n(r * 0.45)}" transform="rotate(${a} ${x} ${y})"/>`
        return (
          `<g fill="none" stroke="${p.thread}" stroke-width="1.8">${petals}</g><circle cx="${x}" cy="${y}" r="${n(r * 0.2)}" fill="${p.thread}"/>` +
          `<path d="M${x + r * 0.9} ${y + r * 0.9}q${n(r * 0.5)} ${n(-r * 0.1)} ${n(r * 0.8)} ${n(r * 0.45)}q${n(-r * 0.5)} ${n(r * 0.1)} ${n(-r * 0.8)} ${n(-r * 0.45)}z" fill="none" stroke="${p.leaf}" stroke-width="1.6"/>`
        )
      }
      return (
        `${open(84, 84)}${motif(21, 21, 12)}${motif(63, 63, 12)}` +
        `<circle cx="63" cy="21" r="2" fill="${p.thread}"/><circle cx="21" cy="63" r="2" fill="${p.thread}"/>` +
        `<path d="M36 46Q42 40 48 46" stroke="${p.thread}" stroke-width="1.6" fill="none" stroke-dasharray="2 2"/></pattern>`
      )
    }
    case "abstract":
      return (
        `${open(240, 240)}<path d="M20 60C40 10 120 20 130 70C140 120 80 150 50 130C20 110 0 100 20 60Z" fill="${p.accent}" fill-opacity=".85"/>` +
        `<path d="M150 150C190 120 240 160 220 200C200 240 150 230 140 200C132 180 136 162 150 150Z" fill="${p.accent2}" fill-opacity=".9"/>` +
        `<path d="M30 200C70 170 100 230 150 200M160 40C190 30 200 80 230 70" stroke="${p.ink}" stroke-width="9" stroke-linecap="round" fill="none" stroke-opacity=".8"/>` +
        `<circle cx="190" cy="110" r="11" fill="${p.ink}" fill-opacity=".8"/><circle cx="90" cy="190" r="6" fill="${p.accent}"/></pattern>`
      )
    default:
      return ""
  }
}

// ---------------------------------------------------------------------------------
// Composition
// ---------------------------------------------------------------------------------

/**
 * A soft line: nested strokes of falling opacity stand in for a Gaussian blur, which
 * librsvg and browsers rasterise several times more slowly.
 */
function softStroke(d: string, color: string, opacity: number, width: number): string {
  const steps: [number, number][] = [[2.4, 0.12], [1.9, 0.15], [1.45, 0.18], [1, 0.21], [0.55, 0.24]]
  return steps
    .map(([w, o]) => `<path d="${d}" fill="none" stroke="${color}" stroke-opacity="${Math.round(opacity * o * 100) / 100}" stroke-width="${n(width * w)}" stroke-linecap="round"/>`)
    .join("")
}

function renderLayer(layer: Layer, i: number, key: string, p: Palette, box: [number, number, number, number], hasPattern: boolean, sequin: boolean, rnd: () => number): string {
  const [bx0, by0, bx1, by1] = box
  const area = `x="${bx0 - 60}" y="${by0 - 60}" width="${bx1 - bx0 + 120}" height="${by1 - by0 + 120}"`
  const clip = `${key}c${i}`
  let s = ""
  if (layer.under) s += layer.under
  const parts = layer.parts.map((d) => `<path d="${d}"/>`).join("")
  s += `<clipPath id="${clip}">${parts}</clipPath>`
  s += `<g fill="${p.base}">${parts}</g>`
  let inner = ""
  if (hasPattern) inner += `<rect ${area} fill="url(#${key}p)"/>`
  if (layer.texture === "denim") inner += `<rect ${area} fill="url(#${key}tw)"/>`
  if (layer.panels?.length) inner += `<path d="${layer.panels.join("")}" fill="#000" fill-opacity=".09"/>`
  if (layer.folds?.length) inner += softStroke(layer.folds.join(""), p.deep, p.lum < 0.05 ? 0.75 : 0.34, 7)
  if (layer.highs?.length) inner += softStroke(layer.highs.join(""), "#fff", layer.sheen ? 0.3 : 0.2, layer.sheen ? 20 : 8)
  if (sequin) {
    let sp = ""
    for (let k = 0; k < 22; k++) {
      const x = 150 + rnd() * 500
      const y = 100 + rnd() * 900
      const r = 5 + rnd() * 8
      sp += `M${n(x)} ${n(y - r)}L${n(x + r * 0.22)} ${n(y - r * 0.22)}L${n(x + r)} ${n(y)}L${n(x + r * 0.22)} ${n(y + r * 0.22)}L${n(x)} ${n(y + r)}L${n(x - r * 0.22)} ${n(y + r * 0.22)}L${n(x - r)} ${n(y)}L${n(x - r * 0.22)} ${n(y - r * 0.22)}Z`
    }
    inner += `<path d="${sp}" fill="#fff" fill-opacity=".85"/>`
  }
  if (layer.lines?.length) inner += `<path d="${layer.lines.join("")}" fill="none" stroke="${p.line}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" stroke-opacity=".85"/>`
  if (inner) s += `<g clip-path="url(#${clip})">${inner}</g>`
  s += `<g fill="url(#${key}h)">${parts}</g><g fill="url(#${key}v)">${parts}</g>`
  if (layer.seams?.length) s += `<path d="${layer.seams.join("")}" fill="none" stroke="${p.stitch}" stroke-width="1.5" stroke-dasharray="5 4" stroke-linecap="round" stroke-opacity=".9"/>`
  s += `<g fill="none" stroke="${p.outline}" stroke-width="2.2" stroke-linejoin="round">${parts}</g>`
  if (layer.over) s += layer.over
  return s
}

export function renderProductSvg(spec: ArtSpec): string {
  const silhouette = String(spec?.silhouette ?? "")
  const build = Object.prototype.hasOwnProperty.call(BUILDERS, silhouette) ? BUILDERS[silhouette] : undefined
  if (!build) throw new Error(`product-art: unknown silhouette "${silhouette}" (expected one of ${SILHOUETTES.join(", ")})`)
  const view = spec.view === "back" || spec.view === "detail" ? spec.view : "front"
  const p = palette(spec.colorHex)
  const pattern = PATTERNS.includes(spec.pattern) ? spec.pattern : "solid"
  const seedHash = hashString(`${silhouette}|${spec.colorHex}|${pattern}|${view}|${spec.seed ?? ""}`)
  const rnd = prng(seedHash)
  const key = "a" + seedHash.toString(36).slice(0, 5)
  const ctx: Ctx = { back: view === "back", p, rnd, j: (a: number) => (rnd() * 2 - 1) * a }
  const drawing = build(ctx)

  // Fit the drawing's box into the frame; the detail view zooms in on its focus point.
  const [x0, y0, x1, y1] = drawing.box
  const fit = Math.min(590 / (x1 - x0), 800 / (y1 - y0), 1.5)
  const bx = (x0 + x1) / 2
  const by = (y0 + y1) / 2
  const zoom = view === "detail" ? drawing.zoom ?? 2.5 : 1
  const s = fit * zoom
  const [fx, fy] = view === "detail" ? drawing.focus : [bx, by]
  const place = `translate(${n(CX - fx * s)} ${n(510 - fy * s)}) scale(${Math.round(s * 1000) / 1000})`
  const flip = view === "back" ? `translate(${W} 0) scale(-1 1) ` : ""

  const hasPattern = pattern !== "solid"
  const defs: string[] = [
    `<linearGradient id="${key}b" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.bgTop}"/><stop offset="1" stop-color="${p.bgBottom}"/></linearGradient>`,
    `<radialGradient id="${key}g" cx=".5" cy=".45" r=".62"><stop offset="0" stop-color="#fff" stop-opacity=".55"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>`,
    `<linearGradient id="${key}h" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#000" stop-opacity=".24"/><stop offset=".2" stop-color="#000" stop-opacity=".05"/><stop offset=".4" stop-color="#fff" stop-opacity=".12"/><stop offset=".62" stop-color="#fff" stop-opacity="0"/><stop offset=".86" stop-color="#000" stop-opacity=".1"/><stop offset="1" stop-color="#000" stop-opacity=".28"/></linearGradient>`,
    `<linearGradient id="${key}v" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#fff" stop-opacity=".1"/><stop offset=".5" stop-color="#fff" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity=".12"/></linearGradient>`,
    `<linearGradient id="metal" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#F7E7A6"/><stop offset=".45" stop-color="#D4AF37"/><stop offset="1" stop-color="#8A6D1D"/></linearGradient>`,
  ]
  if (hasPattern) defs.push(patternDef(pattern, p, `${key}p`, rnd))
  if (drawing.layers.some((l) => l.texture === "denim")) {
    // Denim twill: diagonal ridges, eight to a 56px tile (small tiles are slow to rasterise).
    let light = ""
    let dark = ""
    for (let k = -56; k <= 56; k += 7) {
      light += `M${k - 1} 57L${k + 57} -1`
      dark += `M${k + 2.5} 57L${k + 59.5} 0`
    }
    defs.push(`<pattern id="${key}tw" width="56" height="56" patternUnits="userSpaceOnUse"><path d="${light}" stroke="#fff" stroke-opacity=".13" stroke-width="1.6"/><path d="${dark}" stroke="#000" stroke-opacity=".07" stroke-width="1"/></pattern>`)
  }

  const allParts = drawing.layers.flatMap((l) => l.parts).map((d) => `<path d="${d}"/>`).join("")
  let shadow: string
  if (drawing.floor) {
    const [sx, sy, sr] = drawing.floor
    const rings = [1, 0.82, 0.64, 0.46].map((k) => `<ellipse cx="${sx}" cy="${sy}" rx="${n(sr * k)}" ry="${n(24 * k)}"/>`).join("")
    shadow = `<g transform="${flip}${place}" fill="${p.shadow}" fill-opacity=".1">${rings}</g>`
  } else {
    // Soft drop shadow from nested outlines of the whole garment (cheaper than a blur filter).
    const steps: [number, number][] = [[46, 0.026], [34, 0.032], [23, 0.04], [13, 0.048], [4, 0.056]]
    const body = steps.map(([w, o]) => `<g opacity="${o}" stroke-width="${w}">${allParts}</g>`).join("")
    shadow = `<g transform="translate(8 14)"><g transform="${flip}${place}" fill="${p.shadow}" stroke="${p.shadow}" stroke-linejoin="round">${body}</g></g>`
  }
  const sequin = pattern === "sequin"
  const body = drawing.layers.map((l, i) => renderLayer(l, i, key, p, drawing.box, hasPattern, sequin, rnd)).join("")

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">` +
    `<defs>${defs.join("")}</defs>` +
    `<rect width="${W}" height="${H}" fill="url(#${key}b)"/><rect width="${W}" height="${H}" fill="url(#${key}g)"/>` +
    shadow +
    `<g transform="${flip}${place}">${body}</g>` +
    `</svg>`
  )
}
