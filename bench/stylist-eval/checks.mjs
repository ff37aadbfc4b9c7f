/**
 * The evaluator's side: what each request allows (its hand-written `expect` block, the
 * answer key), whether the catalogue can answer it at all (brute force), and what is wrong
 * with an answer. Pure functions over the rows of catalog.mjs, so they can be unit-checked.
 *
 * The answer key is deliberately literal: colour families come from the table below, the
 * other exclusions are category handles, `metadata.pattern` / `metadata.sleeve` values and
 * whole words. The bench does not parse shopper language itself; a person read each message
 * and wrote down what it rules out.
 */

/**
 * Colour name → families. A colour between two families belongs to both, so an exclusion of
 * either rules it out (a shopper who says "no red" does not want Wine either).
 */
export const COLOUR_FAMILIES = {
  black: ["black"],
  "washed black": ["black"],
  white: ["white"],
  "off white": ["white", "ivory"],
  "pearl white": ["white", "ivory"],
  ivory: ["ivory", "white"],
  cream: ["ivory", "white", "beige"],
  beige: ["beige"],
  oatmeal: ["beige"],
  sand: ["beige"],
  nude: ["beige"],
  khaki: ["beige", "brown"],
  stone: ["beige", "grey"],
  champagne: ["gold", "beige"],
  camel: ["brown", "beige"],
  mocha: ["brown"],
  caramel: ["brown"],
  brown: ["brown"],
  chocolate: ["brown"],
  cognac: ["brown"],
  taupe: ["brown", "grey"],
  "stone grey": ["grey"],
  "heather grey": ["grey"],
  charcoal: ["grey"],
  red: ["red"],
  "cherry red": ["red"],
  scarlet: ["red"],
  ruby: ["red"],
  wine: ["red", "purple"],
  "hot pink": ["pink"],
  "baby pink": ["pink"],
  fuchsia: ["pink", "purple"],
  blush: ["pink"],
  "dusty rose": ["pink"],
  "rose gold": ["pink", "gold"],
  coral: ["orange", "pink"],
  peach: ["orange", "pink"],
  tangerine: ["orange"],
  terracotta: ["orange", "brown"],
  rust: ["orange", "brown"],
  "butter yellow": ["yellow"],
  mustard: ["yellow"],
  gold: ["gold"],
  silver: ["silver", "grey"],
  emerald: ["green"],
  sage: ["green"],
  "lime green": ["green"],
  olive: ["green"],
  "bottle green": ["green"],
  mint: ["green"],
  "cobalt blue": ["blue"],
  navy: ["blue"],
  "midnight navy": ["blue"],
  "powder blue": ["blue"],
  "sky blue": ["blue"],
  indigo: ["blue"],
  sapphire: ["blue"],
  "mid blue": ["blue"],
  "light wash": ["blue"],
  "ice blue": ["blue"],
  lilac: ["purple"],
  lavender: ["purple"],
}

/** Families of a colour name; an unknown name is its own family (and is reported once by the runner). */
export function colourFamilies(name) {
  const key = String(name ?? "").trim().toLowerCase()
  return COLOUR_FAMILIES[key] ?? [key]
}

const ONE_SIZE = /^one[\s-]?size$|^os$|^free[\s-]?size$/i

export function isOneSize(size) {
  return ONE_SIZE.test(String(size ?? "").trim())
}

function isShoeSize(size) {
  return /^\d{2}(\.5)?$/.test(String(size ?? "").trim())
}

const words = (text) =>
  String(text ?? "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)

/** Every word a shopper's "no X" could be about: title, tags, fabric, category handles. */
function itemWords(row) {
  return new Set([...words(row.title), ...row.tags.flatMap(words), ...words(row.metadata?.fabric), ...row.categories.flatMap(words)])
}

/** Normalised answer key with defaults; `budget` in major units. */
export function normaliseExpect(expect = {}) {
  return {
    budget: expect.budget ?? null,
    size: expect.size ?? null,
    shoe_size: expect.shoe_size != null ? String(expect.shoe_size) : null,
    avoid_colors: (expect.avoid_colors ?? []).map((c) => c.toLowerCase()),
    avoid_categories: expect.avoid_categories ?? [],
    avoid_patterns: expect.avoid_patterns ?? [],
    avoid_sleeves: expect.avoid_sleeves ?? [],
    avoid_words: (expect.avoid_words ?? []).map((w) => w.toLowerCase()),
    // Which outfit shapes answer her request: a dress, a co-ord, or a top with a bottom.
    shapes: expect.shapes ?? ["dress", "coord", "separates"],
    // Pieces the look must contain: category handles ("heels") or "title:<word>" ("title:jeans").
    needs: expect.needs ?? [],
    feasible: expect.feasible,
  }
}

/**
 * Why this variant may not be shown for this request (null: it may). Checks the catalogue's
 * facts only; what the API claims about the item is compared separately.
 */
export function itemViolations(row, key) {
  const out = []
  if (row.status !== "published") out.push(`unpublished (${row.status})`)
  if (row.price_minor == null) out.push(`not priced in ${row.currency.toUpperCase()}`)
  if (!row.in_stock) out.push(`out of stock (inventory ${row.inventory_quantity})`)
  if (!isOneSize(row.size)) {
    if (isShoeSize(row.size)) {
      if (key.shoe_size && row.size !== key.shoe_size) out.push(`shoe size ${row.size}, she wears EU ${key.shoe_size}`)
    } else if (key.size && row.size !== key.size) {
      out.push(`size ${row.size}, she wears ${key.size}`)
    }
  }
  const families = colourFamilies(row.color)
  const badColour = families.filter((f) => key.avoid_colors.includes(f))
  if (badColour.length) out.push(`colour ${row.color} (${badColour.join("/")}) excluded`)
  const badCategory = row.categories.filter((c) => key.avoid_categories.includes(c))
  if (badCategory.length) out.push(`category ${badCategory.join("/")} excluded`)
  if (row.metadata?.pattern && key.avoid_patterns.includes(row.metadata.pattern)) out.push(`pattern ${row.metadata.pattern} excluded`)
  if (row.metadata?.sleeve && key.avoid_sleeves.includes(row.metadata.sleeve)) out.push(`sleeve ${row.metadata.sleeve} excluded`)
  const w = itemWords(row)
  const badWords = key.avoid_words.filter((x) => w.has(x))
  if (badWords.length) out.push(`"${badWords.join('", "')}" excluded`)
  return out
}

const ACCESSORY_ROLES = ["shoes", "bag", "jewellery"]

function meetsNeed(row, need) {
  if (need.startsWith("title:")) return words(row.title).includes(need.slice("title:".length).toLowerCase())
  return row.categories.includes(need)
}

/** Shapes an outfit (a list of catalogue rows) has: "dress", "coord", "separates". */
export function shapesOf(rows) {
  const roles = rows.map((r) => r.role)
  const shapes = []
  if (roles.includes("dress")) shapes.push("dress")
  if (roles.includes("coord")) shapes.push("coord")
  if (roles.includes("top") && roles.includes("bottom")) shapes.push("separates")
  return shapes
}

/**
 * Complete for her request: one of the shapes she asked for (when she asked for garments)
 * and every piece she needs. A request for accessories only (`shapes: []`) is complete
 * with those accessories.
 */
export function isComplete(rows, key) {
  const shapeOk = key.shapes.length === 0 || shapesOf(rows).some((s) => key.shapes.includes(s))
  return shapeOk && key.needs.every((need) => rows.some((r) => meetsNeed(r, need)))
}

/**
 * Brute force over the catalogue: every dress, every co-ord, every top × bottom pair that
 * passes the item rules, each completed with the cheapest eligible piece for every need it
 * lacks; feasible when one of them fits the budget. Returns the count of such looks and the
 * cheapest one, so the printout can show why a request is (im)possible.
 */
export function bruteForce(rows, key) {
  const eligible = rows.filter((r) => itemViolations(r, key).length === 0)
  const byRole = (role) => eligible.filter((r) => r.role === role)
  const bases = []
  if (key.shapes.length === 0) bases.push([])
  if (key.shapes.includes("dress")) for (const d of byRole("dress")) bases.push([d])
  if (key.shapes.includes("coord")) for (const c of byRole("coord")) bases.push([c])
  if (key.shapes.includes("separates")) for (const t of byRole("top")) for (const b of byRole("bottom")) bases.push([t, b])
  // Only accessories are added to a base; a garment she needs ("title:jeans") must be the base itself.
  const cheapestFor = (need, taken) =>
    eligible
      .filter((r) => ACCESSORY_ROLES.includes(r.role) && meetsNeed(r, need) && !taken.some((t) => t.product_id === r.product_id))
      .sort((a, b) => a.price_minor - b.price_minor)[0]
  const budgetMinor = key.budget != null ? Math.round(key.budget * 100) : Infinity
  let count = 0
  let cheapest = null
  for (const base of bases) {
    const look = [...base]
    let ok = true
    for (const need of key.needs) {
      if (look.some((r) => meetsNeed(r, need))) continue
      const piece = cheapestFor(need, look)
      if (!piece) {
        ok = false
        break
      }
      look.push(piece)
    }
    if (!ok || look.length === 0 || !isComplete(look, key)) continue
    const total = look.reduce((s, r) => s + r.price_minor, 0)
    if (total > budgetMinor) {
      if (!cheapest || (cheapest.over && total < cheapest.total)) cheapest = { look, total, over: true }
      continue
    }
    count++
    if (!cheapest || cheapest.over || total < cheapest.total) cheapest = { look, total, over: false }
  }
  // "Alternatives exist" when anything at all survives her exclusions: a nearer size, a
  // cheaper single piece, another kind of piece. Size, stock and budget are what she could bend.
  const exclusionsOnly = { ...key, size: null, shoe_size: null }
  const alternatives = rows.filter((r) => r.price_minor != null && r.in_stock && itemViolations(r, exclusionsOnly).length === 0).length
  return { feasible: count > 0, looks: count, cheapest, alternatives }
}

/** Lowercase words joined by single spaces, so titles match whatever the punctuation and case. */
export function normaliseText(text) {
  return words(text).join(" ")
}

/**
 * Catalogue titles the text names that are not among `allowed`. Allowed titles are cut out
 * first, so a title that contains a shorter one ("Sequin Mini Skirt" inside a longer name)
 * is not counted twice.
 */
export function foreignTitles(text, allowedTitles, allTitles) {
  let hay = ` ${normaliseText(text)} `
  const allowed = [...new Set(allowedTitles.map(normaliseText))].sort((a, b) => b.length - a.length)
  for (const t of allowed) if (t) hay = hay.split(` ${t} `).join(" | ")
  const found = []
  for (const title of new Set(allTitles)) {
    const t = normaliseText(title)
    if (t && !allowed.includes(t) && hay.includes(` ${t} `)) found.push(title)
  }
  return found
}

const money = (minor, currency) => `${currency === "inr" ? "₹" : "$"}${(minor / 100).toFixed(2).replace(/\.00$/, "")}`

/** Problems of one item the API returned, against the catalogue row of its variant. */
function itemProblems(item, row, { key, currency }) {
  const out = []
  if (item.product_id !== row.product_id) out.push(`product_id ${item.product_id}, the variant belongs to ${row.product_id}`)
  if (item.handle !== undefined && item.handle !== row.handle) out.push(`handle ${item.handle}, real ${row.handle}`)
  if (item.title !== undefined && item.title !== row.title) out.push(`title "${item.title}", real "${row.title}"`)
  if (String(item.currency ?? "").toLowerCase() !== currency) out.push(`currency ${item.currency}, region sells in ${currency.toUpperCase()}`)
  if (row.price_minor != null && Math.round(Number(item.unit_price) * 100) !== row.price_minor) out.push(`unit_price ${item.unit_price}, real price ${money(row.price_minor, currency)}`)
  if (item.size != null && row.size != null && String(item.size) !== row.size) out.push(`says size ${item.size}, the variant is ${row.size}`)
  if (item.color != null && row.color != null && String(item.color).toLowerCase() !== row.color.toLowerCase()) out.push(`says colour ${item.color}, the variant is ${row.color}`)
  return [...out, ...itemViolations(row, key)]
}

/**
 * Everything wrong with one chat answer for one request, per outfit. `region` is
 * catalog.mjs's region entry; `allTitles` every published product title of the store.
 * `complete` counts the outfits that are complete for her request and break nothing.
 */
export function checkAnswer(body, { key, region, allTitles }) {
  const currency = region.currency
  if (!body || typeof body !== "object" || !Array.isArray(body.outfits))
    return { violations: ["answer has no outfits array"], complete: 0, outfits: 0, alternatives: 0 }
  const violations = []
  if (body.engine !== "offline") violations.push(`engine is ${JSON.stringify(body.engine)}; the bench runs without an OpenAI key`)
  let complete = 0
  const outfitTitles = []
  body.outfits.forEach((outfit, o) => {
    const at = `outfit ${o + 1}`
    const own = []
    const items = Array.isArray(outfit.items) ? outfit.items : []
    if (!items.length) own.push("no items")
    if (String(outfit.currency ?? "").toLowerCase() !== currency) own.push(`currency ${outfit.currency}, region sells in ${currency.toUpperCase()}`)
    const rows = []
    const seenProducts = new Set()
    let sumMinor = 0
    items.forEach((item, i) => {
      const where = `item ${i + 1} (${item.title ?? item.variant_id})`
      sumMinor += Math.round(Number(item.unit_price) * 100)
      const row = region.byVariant.get(item.variant_id)
      if (!row) return own.push(`${where}: variant ${item.variant_id} is not a published variant of this store`)
      rows.push(row)
      outfitTitles.push(row.title)
      if (seenProducts.has(row.product_id)) own.push(`${where}: the same product twice in one outfit`)
      seenProducts.add(row.product_id)
      for (const p of itemProblems(item, row, { key, currency })) own.push(`${where}: ${p}`)
    })
    const totalMinor = Math.round(Number(outfit.total) * 100)
    if (totalMinor !== sumMinor) own.push(`total ${outfit.total} is not the sum of its unit prices (${sumMinor / 100})`)
    const realMinor = rows.reduce((s, r) => s + (r.price_minor ?? 0), 0)
    if (key.budget != null && Math.max(totalMinor, realMinor) > Math.round(key.budget * 100))
      own.push(`total ${money(Math.max(totalMinor, realMinor), currency)} over budget ${money(Math.round(key.budget * 100), currency)}`)
    // The plugin promises complete looks: a garment base, or the accessories she asked for alone.
    const known = rows.length === items.length
    if (known && shapesOf(rows).length === 0 && !(key.shapes.length === 0 && isComplete(rows, key)))
      own.push(key.shapes.length === 0 ? `incomplete: she asked for ${key.needs.join(" + ")}, it has ${rows.map((r) => r.categories[0]).join(" + ") || "nothing"}` : "incomplete (no dress, co-ord, or top with bottom)")
    const named = foreignTitles(`${outfit.title ?? ""}. ${outfit.rationale ?? ""}`, rows.map((r) => r.title), allTitles)
    if (named.length) own.push(`title/rationale names products not in it: ${named.join("; ")}`)
    if (!own.length && known && isComplete(rows, key)) complete++
    for (const v of own) violations.push(`${at}: ${v}`)
  })
  if (typeof body.reply !== "string" || !body.reply.trim()) violations.push("reply is empty")
  else {
    const named = foreignTitles(body.reply, outfitTitles, allTitles)
    if (named.length) violations.push(`reply names products not in the outfits: ${named.join("; ")}`)
  }
  // Alternatives may bend her size or budget, never her exclusions, and must still be real and buyable.
  const relaxed = { ...key, size: null, shoe_size: null }
  const alternatives = Array.isArray(body.alternatives) ? body.alternatives : []
  alternatives.forEach((alt, a) => {
    const pieces = [...(alt.items ?? []), ...(alt.outfits ?? []).flatMap((o) => o.items ?? [])]
    pieces.forEach((item) => {
      const where = `alternative "${alt.label ?? a + 1}" (${item.title ?? item.variant_id})`
      const row = region.byVariant.get(item.variant_id)
      if (!row) return violations.push(`${where}: variant ${item.variant_id} is not a published variant of this store`)
      for (const p of itemProblems(item, row, { key: relaxed, currency })) violations.push(`${where}: ${p}`)
    })
  })
  return { violations, complete, outfits: body.outfits.length, alternatives: alternatives.length }
}
