#!/usr/bin/env node
/**
 * Checks the seed catalog in this folder: `node data/catalog/validate.js`.
 * Plain Node, no dependencies. Prints a summary, lists every problem found and
 * exits 1 when there is at least one. Warnings (style, not correctness) never fail.
 */
"use strict"
const fs = require("fs")
const path = require("path")

const DIR = __dirname
const errors = []
const warnings = []
const fail = (msg) => errors.push(msg)
const warn = (msg) => warnings.push(msg)

function load(name) {
  const file = path.join(DIR, name)
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"))
  } catch (e) {
    fail(`${name}: cannot read or parse (${e.message})`)
    return null
  }
}

// ---- rules -------------------------------------------------------------------------
const GARMENT_CATEGORIES = ["bodycon-dresses", "crop-tops", "co-ord-sets", "party-wear", "skirts", "bottoms"]
const ACCESSORY_CATEGORIES = ["heels", "clutches", "earrings"]
const MIN_PER_GARMENT_CATEGORY = 8
const MIN_PER_ACCESSORY_CATEGORY = 3
const MIN_PRODUCTS = 54
const REQUIRED_CATEGORIES = {
  "bodycon-dresses": { name: "Bodycon Dresses", parent: null },
  "crop-tops": { name: "Crop Tops", parent: null },
  "co-ord-sets": { name: "Co-ord Sets", parent: null },
  "party-wear": { name: "Party Wear", parent: null },
  skirts: { name: "Skirts", parent: null },
  bottoms: { name: "Bottoms", parent: null },
  accessories: { name: "Accessories", parent: null },
  heels: { name: "Heels", parent: "accessories" },
  clutches: { name: "Clutches", parent: "accessories" },
  earrings: { name: "Earrings", parent: "accessories" },
}
const COLLECTIONS = ["new-arrivals", "bestsellers", "festive-edit", "workwear", "vacation"]
const TYPES = ["Dress", "Top", "Co-ord Set", "Skirt", "Bottoms", "Heels", "Clutch", "Earrings"]
// Which product types make sense in which category.
const TYPES_BY_CATEGORY = {
  "bodycon-dresses": ["Dress"],
  "crop-tops": ["Top"],
  "co-ord-sets": ["Co-ord Set"],
  "party-wear": ["Dress", "Top", "Co-ord Set", "Skirt", "Bottoms"],
  skirts: ["Skirt"],
  bottoms: ["Bottoms"],
  heels: ["Heels"],
  clutches: ["Clutch"],
  earrings: ["Earrings"],
}
const SILHOUETTES = [
  "bodycon-mini", "bodycon-midi", "slip-dress", "a-line-dress", "crop-top", "corset-top", "tube-top", "shirt-crop",
  "coord-set", "skirt-mini", "skirt-midi", "skirt-pleated", "jeans", "trousers", "cargo", "shorts", "heels", "clutch", "earrings",
]
const SILHOUETTE_BY_ACCESSORY = { heels: "heels", clutches: "clutch", earrings: "earrings" }
const OCCASIONS = ["casual", "party", "date-night", "wedding-guest", "festive", "beach", "vacation", "brunch", "office", "cocktail", "night-out", "college"]
const FIT_TYPES = ["bodycon", "regular", "relaxed", "oversized", "slim", "a-line", "flared", "wide-leg", "straight"]
const PATTERNS = ["solid", "striped", "floral", "polka", "checked", "animal", "sequin", "embroidered", "abstract"]
const GARMENT_SIZES = ["XS", "S", "M", "L", "XL", "XXL"]
const HEEL_SIZES = ["36", "37", "38", "39", "40", "41"]
const ONE_SIZE = ["One Size"]
const INTEGRATIONS = ["api", "email", "whatsapp"]
const CHART_MEASUREMENTS = {
  "bodycon-dresses": ["bust", "waist", "hips", "length"],
  "crop-tops": ["bust", "waist", "length"],
  "co-ord-sets": ["bust", "waist", "hips", "length"],
  "party-wear": ["bust", "waist", "hips", "length"],
  skirts: ["waist", "hips", "length"],
  bottoms: ["waist", "hips", "length"],
  heels: ["foot_length"],
}

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/
const HEX = /^#[0-9A-Fa-f]{6}$/
const isInt = (n) => Number.isInteger(n)
const isStr = (s) => typeof s === "string" && s.trim().length > 0
const sameList = (a, b) => Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i])
/** Same colour code as backend/src/seed/catalog.ts, which builds the variant SKUs. */
const colorCode = (name) => name.toUpperCase().replace(/[^A-Z0-9]+/g, "").slice(0, 6)
const sizeCode = (size) => {
  const s = size.toUpperCase().replace(/\s+/g, "")
  return s === "ONESIZE" ? "OS" : s
}

// ---- load --------------------------------------------------------------------------
const categories = load("categories.json")
const collections = load("collections.json")
const products = load("products.json")
const suppliers = load("suppliers.json")
const sizeCharts = load("size-charts.json")

// ---- categories --------------------------------------------------------------------
const categoryByHandle = new Map()
if (categories) {
  if (!Array.isArray(categories)) fail("categories.json: must be an array")
  else {
    for (const c of categories) {
      if (!isStr(c.handle) || !KEBAB.test(c.handle)) fail(`category ${JSON.stringify(c.handle)}: handle must be kebab-case`)
      if (categoryByHandle.has(c.handle)) fail(`category ${c.handle}: duplicate handle`)
      categoryByHandle.set(c.handle, c)
      if (!isStr(c.name)) fail(`category ${c.handle}: missing name`)
      if (!isStr(c.description)) fail(`category ${c.handle}: missing description`)
      if (!isInt(c.rank)) fail(`category ${c.handle}: rank must be an integer`)
      if (!("parent" in c)) fail(`category ${c.handle}: parent must be null or a handle`)
    }
    for (const c of categories) {
      if (c.parent !== null && c.parent !== undefined && !categoryByHandle.has(c.parent)) fail(`category ${c.handle}: unknown parent ${c.parent}`)
    }
    for (const [handle, want] of Object.entries(REQUIRED_CATEGORIES)) {
      const c = categoryByHandle.get(handle)
      if (!c) fail(`categories.json: missing category ${handle}`)
      else {
        if (c.name !== want.name) fail(`category ${handle}: name should be "${want.name}", is "${c.name}"`)
        if ((c.parent ?? null) !== want.parent) fail(`category ${handle}: parent should be ${want.parent}, is ${c.parent}`)
      }
    }
  }
}

// ---- collections -------------------------------------------------------------------
const collectionHandles = new Set()
if (collections) {
  if (!Array.isArray(collections)) fail("collections.json: must be an array")
  else {
    for (const c of collections) {
      if (!isStr(c.handle) || !isStr(c.title)) fail(`collection ${JSON.stringify(c)}: needs handle and title`)
      if (collectionHandles.has(c.handle)) fail(`collection ${c.handle}: duplicate handle`)
      collectionHandles.add(c.handle)
      if (!COLLECTIONS.includes(c.handle)) fail(`collection ${c.handle}: not one of ${COLLECTIONS.join(", ")}`)
    }
    for (const h of COLLECTIONS) if (!collectionHandles.has(h)) fail(`collections.json: missing collection ${h}`)
  }
}

// ---- suppliers ---------------------------------------------------------------------
const supplierCodes = new Set()
if (suppliers) {
  if (!Array.isArray(suppliers)) fail("suppliers.json: must be an array")
  else {
    if (suppliers.length !== 3) fail(`suppliers.json: expected exactly 3 suppliers, found ${suppliers.length}`)
    const integrations = suppliers.map((s) => s.integration).sort()
    if (!sameList(integrations, [...INTEGRATIONS].sort())) fail(`suppliers.json: need one supplier per integration (${INTEGRATIONS.join(", ")}), found ${integrations.join(", ")}`)
    for (const s of suppliers) {
      const id = `supplier ${s.code}`
      if (!isStr(s.code) || !/^[A-Z0-9]+(-[A-Z0-9]+)*$/.test(s.code)) fail(`${id}: code must be UPPER-KEBAB`)
      if (supplierCodes.has(s.code)) fail(`${id}: duplicate code`)
      supplierCodes.add(s.code)
      for (const f of ["name", "email", "phone", "whatsapp", "city", "state", "pincode", "address", "pickup_location"]) if (!isStr(s[f])) fail(`${id}: missing ${f}`)
      if (!INTEGRATIONS.includes(s.integration)) fail(`${id}: integration must be one of ${INTEGRATIONS.join(", ")}`)
      if (isStr(s.email) && !/^[^@\s]+@([a-z0-9-]+\.)*example\.(com|in)$/i.test(s.email)) fail(`${id}: email must use an example.com / example.in domain`)
      for (const f of ["phone", "whatsapp"]) if (isStr(s[f]) && !/^\+91[6-9]\d{9}$/.test(s[f])) fail(`${id}: ${f} must be +91 followed by a 10-digit mobile number`)
      if (isStr(s.pincode) && !/^[1-9]\d{5}$/.test(s.pincode)) fail(`${id}: pincode must be 6 digits`)
      if (s.integration === "api" && !(isStr(s.endpoint) && /^https?:\/\//.test(s.endpoint))) fail(`${id}: api supplier needs an http(s) endpoint`)
      if (s.integration !== "api" && s.endpoint !== null && s.endpoint !== undefined) warn(`${id}: endpoint is only used by api suppliers`)
      if (typeof s.auto_forward !== "boolean") fail(`${id}: auto_forward must be boolean`)
      if (typeof s.active !== "boolean") fail(`${id}: active must be boolean`)
      if (!isInt(s.processing_days) || s.processing_days < 0 || s.processing_days > 14) fail(`${id}: processing_days must be an integer 0-14`)
    }
  }
}

// ---- products ----------------------------------------------------------------------
const handles = new Set()
const prefixes = new Set()
const skus = new Set()
const stats = { variants: 0, soldOutVariants: 0, lowStockVariants: 0, productsWithSoldOut: 0, wholeSizeSoldOut: [] }
if (products) {
  if (!Array.isArray(products)) fail("products.json: must be an array")
  else
    for (const [i, p] of products.entries()) {
      const id = `product ${p.handle ?? `#${i}`}`
      // identity
      if (!isStr(p.handle) || !KEBAB.test(p.handle)) fail(`${id}: handle must be kebab-case`)
      if (handles.has(p.handle)) fail(`${id}: duplicate handle`)
      handles.add(p.handle)
      for (const f of ["title", "subtitle", "description", "material", "hs_code", "origin_country"]) if (!isStr(p[f])) fail(`${id}: missing ${f}`)
      if (isStr(p.description)) {
        const sentences = p.description.split(/(?<=[.!?])\s+/).filter(Boolean).length
        if (sentences < 2 || sentences > 3) warn(`${id}: description has ${sentences} sentences (aim for 2-3)`)
      }
      if (isStr(p.hs_code) && !/^\d{4}(\d{2}){0,3}$/.test(p.hs_code)) fail(`${id}: hs_code must be 4-10 digits`)
      if (isStr(p.origin_country) && !/^[A-Z]{2}$/.test(p.origin_country)) fail(`${id}: origin_country must be an ISO 3166 alpha-2 code`)
      if (!isStr(p.sku_prefix) || !/^[A-Z]{2,4}-\d{3}$/.test(p.sku_prefix)) fail(`${id}: sku_prefix must look like ABC-001`)
      if (prefixes.has(p.sku_prefix)) fail(`${id}: duplicate sku_prefix ${p.sku_prefix}`)
      prefixes.add(p.sku_prefix)

      // classification
      const isAccessory = ACCESSORY_CATEGORIES.includes(p.category)
      const isGarment = GARMENT_CATEGORIES.includes(p.category)
      if (!categoryByHandle.has(p.category)) fail(`${id}: unknown category ${p.category}`)
      else if (!isAccessory && !isGarment) fail(`${id}: category ${p.category} is not a product category (use a garment category or heels|clutches|earrings)`)
      if (!TYPES.includes(p.type)) fail(`${id}: type must be one of ${TYPES.join(", ")}`)
      else if (TYPES_BY_CATEGORY[p.category] && !TYPES_BY_CATEGORY[p.category].includes(p.type)) fail(`${id}: type ${p.type} does not belong in ${p.category}`)
      if (!Array.isArray(p.collections)) fail(`${id}: collections must be an array (may be empty)`)
      else for (const c of p.collections) if (!COLLECTIONS.includes(c) || (collections && !collectionHandles.has(c))) fail(`${id}: unknown collection ${c}`)
      if (!Array.isArray(p.tags) || !p.tags.length) fail(`${id}: needs tags`)
      else for (const t of p.tags) if (!isStr(t) || t !== t.toLowerCase()) fail(`${id}: tag ${JSON.stringify(t)} must be a lowercase string`)
      if (!SILHOUETTES.includes(p.silhouette)) fail(`${id}: silhouette ${p.silhouette} is not one of the art silhouettes`)
      if (isAccessory && p.silhouette !== SILHOUETTE_BY_ACCESSORY[p.category]) fail(`${id}: ${p.category} must use silhouette ${SILHOUETTE_BY_ACCESSORY[p.category]}`)
      if (isGarment && Object.values(SILHOUETTE_BY_ACCESSORY).includes(p.silhouette)) fail(`${id}: garment cannot use accessory silhouette ${p.silhouette}`)
      if (!supplierCodes.has(p.supplier)) fail(`${id}: unknown supplier ${p.supplier}`)

      // logistics
      if (!isInt(p.weight_g) || p.weight_g <= 0) fail(`${id}: weight_g must be a positive integer`)
      const d = p.dimensions_cm
      if (!d || !["length", "width", "height"].every((k) => typeof d[k] === "number" && d[k] > 0)) fail(`${id}: dimensions_cm needs positive length, width, height`)

      // metadata
      const m = p.metadata || {}
      if (!isStr(m.fabric)) fail(`${id}: metadata.fabric missing`)
      if (!Array.isArray(m.occasion) || !m.occasion.length) fail(`${id}: metadata.occasion must be a non-empty array`)
      else for (const o of m.occasion) if (!OCCASIONS.includes(o)) fail(`${id}: unknown occasion ${o}`)
      if (!FIT_TYPES.includes(m.fit_type)) fail(`${id}: metadata.fit_type ${m.fit_type} not one of ${FIT_TYPES.join(", ")}`)
      if (!PATTERNS.includes(m.pattern)) fail(`${id}: metadata.pattern ${m.pattern} not one of ${PATTERNS.join(", ")}`)
      if (!isStr(m.care)) fail(`${id}: metadata.care missing`)
      for (const f of ["neckline", "sleeve", "length"]) {
        if (m[f] !== undefined && !isStr(m[f])) fail(`${id}: metadata.${f} must be a string`)
        if (m[f] !== undefined && !isGarment) fail(`${id}: metadata.${f} is for garments only`)
      }

      // sizes and colours
      const wantSizes = isGarment ? GARMENT_SIZES : p.category === "heels" ? HEEL_SIZES : ONE_SIZE
      if (!sameList(p.sizes, wantSizes)) fail(`${id}: sizes must be exactly ${JSON.stringify(wantSizes)}`)
      const colors = Array.isArray(p.colors) ? p.colors : []
      const [minC, maxC] = isGarment ? [2, 4] : [1, 3]
      if (colors.length < minC || colors.length > maxC) fail(`${id}: needs ${minC}-${maxC} colours, has ${colors.length}`)
      const colorNames = new Set()
      const codes = new Set()
      for (const c of colors) {
        if (!isStr(c.name)) fail(`${id}: colour without a name`)
        if (!HEX.test(c.hex || "")) fail(`${id}: colour ${c.name} hex ${JSON.stringify(c.hex)} is not #RRGGBB`)
        if (colorNames.has(c.name)) fail(`${id}: duplicate colour ${c.name}`)
        colorNames.add(c.name)
        const code = colorCode(c.name || "")
        if (codes.has(code)) fail(`${id}: colours share the SKU colour code ${code}; rename one`)
        codes.add(code)
      }
      for (const c of colors) for (const s of Array.isArray(p.sizes) ? p.sizes : []) {
        const sku = `${p.sku_prefix}-${colorCode(c.name || "")}-${sizeCode(s)}`
        if (skus.has(sku)) fail(`${id}: SKU ${sku} is not unique`)
        skus.add(sku)
      }

      // prices
      for (const k of ["price", "mrp"]) {
        const v = p[k] || {}
        if (!isInt(v.inr) || v.inr <= 0 || !isInt(v.usd) || v.usd <= 0) fail(`${id}: ${k} needs positive integer inr and usd`)
      }
      if (p.price && p.mrp) {
        if (p.mrp.inr < p.price.inr) fail(`${id}: mrp.inr ${p.mrp.inr} is below price.inr ${p.price.inr}`)
        if (p.mrp.usd < p.price.usd) fail(`${id}: mrp.usd ${p.mrp.usd} is below price.usd ${p.price.usd}`)
        const off = (cur) => 1 - p.price[cur] / p.mrp[cur]
        const discountedInr = p.mrp.inr > p.price.inr
        const discountedUsd = p.mrp.usd > p.price.usd
        if (discountedInr !== discountedUsd) fail(`${id}: discounted in one currency but not the other`)
        for (const cur of ["inr", "usd"]) {
          if (p.mrp[cur] > p.price[cur] && (off(cur) < 0.195 || off(cur) > 0.605)) fail(`${id}: ${cur} discount ${(off(cur) * 100).toFixed(0)}% is outside 20-60%`)
        }
        if (![49, 99].includes(p.price.inr % 100)) warn(`${id}: INR price ${p.price.inr} does not end in 49 or 99`)
      }

      // stock
      const st = p.stock || {}
      if (!isInt(st.default) || st.default < 0) fail(`${id}: stock.default must be a non-negative integer`)
      const overrides = new Map()
      for (const o of st.overrides || []) {
        const key = `${o.color}|${o.size}`
        if (!colorNames.has(o.color)) fail(`${id}: stock override for unknown colour ${o.color}`)
        if (!(p.sizes || []).includes(o.size)) fail(`${id}: stock override for unknown size ${o.size}`)
        if (!isInt(o.quantity) || o.quantity < 0) fail(`${id}: stock override ${key} quantity must be a non-negative integer`)
        if (overrides.has(key)) fail(`${id}: duplicate stock override ${key}`)
        overrides.set(key, o.quantity)
      }
      let soldOut = 0
      for (const c of colors) for (const s of p.sizes || []) {
        const q = overrides.get(`${c.name}|${s}`) ?? st.default
        stats.variants++
        if (q === 0) soldOut++
        else if (q <= 3) stats.lowStockVariants++
      }
      stats.soldOutVariants += soldOut
      if (soldOut) stats.productsWithSoldOut++
      if (colors.length && soldOut === colors.length * (p.sizes || []).length) warn(`${id}: every variant is sold out`)
      for (const s of p.sizes || []) {
        if (colors.length > 1 && colors.every((c) => (overrides.get(`${c.name}|${s}`) ?? st.default) === 0)) stats.wholeSizeSoldOut.push(`${p.handle} ${s}`)
      }

      // merchandising
      if (!isInt(p.popularity) || p.popularity < 0 || p.popularity > 100) fail(`${id}: popularity must be an integer 0-100`)
      if (!isInt(p.released_days_ago) || p.released_days_ago < 0 || p.released_days_ago > 180) fail(`${id}: released_days_ago must be an integer 0-180`)
      if ((p.collections || []).includes("new-arrivals") && p.released_days_ago > 45) warn(`${id}: in new-arrivals but released ${p.released_days_ago} days ago`)
      if ((p.collections || []).includes("bestsellers") && p.popularity < 75) warn(`${id}: in bestsellers with popularity ${p.popularity}`)
    }
}

// ---- catalog-wide rules ------------------------------------------------------------
const count = (pred) => (Array.isArray(products) ? products.filter(pred).length : 0)
const perCategory = {}
if (Array.isArray(products)) {
  for (const c of [...GARMENT_CATEGORIES, ...ACCESSORY_CATEGORIES]) perCategory[c] = count((p) => p.category === c)
  for (const c of GARMENT_CATEGORIES) if (perCategory[c] < MIN_PER_GARMENT_CATEGORY) fail(`category ${c}: ${perCategory[c]} products, need at least ${MIN_PER_GARMENT_CATEGORY}`)
  for (const c of ACCESSORY_CATEGORIES) if (perCategory[c] < MIN_PER_ACCESSORY_CATEGORY) fail(`category ${c}: ${perCategory[c]} products, need at least ${MIN_PER_ACCESSORY_CATEGORY}`)
  if (products.length < MIN_PRODUCTS) fail(`products.json: ${products.length} products, need at least ${MIN_PRODUCTS}`)

  const share = stats.productsWithSoldOut / products.length
  if (share < 0.2 || share > 0.5) fail(`stock: ${stats.productsWithSoldOut}/${products.length} products have sold-out variants; aim for about a third`)
  const tooManySoldOut = products.filter((p) => {
    const o = (p.stock && p.stock.overrides) || []
    const wholeSize = (p.sizes || []).some((s) => (p.colors || []).length > 1 && (p.colors || []).every((c) => o.some((x) => x.color === c.name && x.size === s && x.quantity === 0)))
    return !wholeSize && o.filter((x) => x.quantity === 0).length > 3
  })
  for (const p of tooManySoldOut) fail(`product ${p.handle}: more than 3 sold-out variants`)
  if (!stats.lowStockVariants) fail("stock: no low-stock (1-3 units) variants")
  if (!stats.wholeSizeSoldOut.length) fail("stock: no product has a whole size sold out across all its colours")

  const occasions = new Set(products.flatMap((p) => (p.metadata && p.metadata.occasion) || []))
  for (const o of ["beach", "wedding-guest", "office"]) if (!occasions.has(o)) fail(`occasions: nothing for ${o}`)
  const patterns = new Set(products.map((p) => p.metadata && p.metadata.pattern))
  if (patterns.size < 5) fail(`patterns: only ${[...patterns].join(", ")}; add more variety`)
  for (const s of SILHOUETTES) if (!products.some((p) => p.silhouette === s)) warn(`silhouette ${s} is not used by any product`)
  for (const s of supplierCodes) if (!products.some((p) => p.supplier === s)) fail(`supplier ${s} has no products`)
  for (const c of COLLECTIONS) if (!products.some((p) => (p.collections || []).includes(c))) fail(`collection ${c} has no products`)
  const lum = (hex) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
  }
  const allHex = products.flatMap((p) => (p.colors || []).map((c) => c.hex)).filter((h) => HEX.test(h || ""))
  if (!allHex.some((h) => lum(h) < 0.1)) fail("colours: no black/very dark colour")
  if (!allHex.some((h) => lum(h) > 0.95)) fail("colours: no white/very light colour")

  // A stylist must be able to build a top + bottom outfit under Rs 2,000, and premium pieces must exist.
  const tops = products.filter((p) => p.type === "Top")
  const bottoms = products.filter((p) => p.type === "Skirt" || p.type === "Bottoms")
  const budget = tops.flatMap((t) => bottoms.map((b) => [t, b])).filter(([t, b]) => t.price && b.price && t.price.inr + b.price.inr < 2000)
  if (budget.length < 5) fail(`budget: only ${budget.length} top + bottom outfits under Rs 2,000`)
  if (count((p) => p.price && p.price.inr >= 2999) < 3) fail("premium: fewer than 3 products at Rs 2,999 or more")
  stats.budgetOutfits = budget.length
}

// ---- size charts -------------------------------------------------------------------
if (sizeCharts) {
  if (sizeCharts.unit !== "cm") fail(`size-charts.json: unit must be "cm"`)
  const charts = Array.isArray(sizeCharts.charts) ? sizeCharts.charts : []
  if (!charts.length) fail("size-charts.json: no charts")
  const seen = new Set()
  for (const ch of charts) {
    const id = `size chart ${ch.category}`
    if (seen.has(ch.category)) fail(`${id}: duplicate chart`)
    seen.add(ch.category)
    const wantM = CHART_MEASUREMENTS[ch.category]
    if (!wantM) {
      fail(`${id}: no chart expected for this category`)
      continue
    }
    if (!sameList(ch.measurements, wantM)) fail(`${id}: measurements must be ${JSON.stringify(wantM)}`)
    const rows = Array.isArray(ch.rows) ? ch.rows : []
    const wantSizes = ch.category === "heels" ? HEEL_SIZES : GARMENT_SIZES
    if (!sameList(rows.map((r) => r.size), wantSizes)) fail(`${id}: rows must be sizes ${wantSizes.join(", ")} in order`)
    for (const m of wantM) {
      let prev = null
      for (const r of rows) {
        const v = r[m]
        if (!Array.isArray(v) || v.length !== 2 || !v.every((x) => typeof x === "number" && x > 0) || v[0] >= v[1]) {
          fail(`${id}: ${r.size} ${m} must be [min, max] with min < max, is ${JSON.stringify(v)}`)
          prev = null
          continue
        }
        if (prev) {
          if (!(v[0] > prev[0] && v[1] > prev[1])) fail(`${id}: ${m} not increasing at ${r.size} (${JSON.stringify(prev)} then ${JSON.stringify(v)})`)
          const gap = v[0] - prev[1]
          if (gap > 1.5) fail(`${id}: ${m} gap of ${gap} cm before ${r.size}`)
        }
        prev = v
      }
    }
  }
  for (const c of Object.keys(CHART_MEASUREMENTS)) if (!seen.has(c)) fail(`size-charts.json: missing chart for ${c}`)
}

// ---- report ------------------------------------------------------------------------
if (Array.isArray(products)) {
  const prices = products.filter((p) => p.price).map((p) => p.price.inr)
  console.log(`Catalog: ${products.length} products, ${stats.variants} variants (${stats.soldOutVariants} sold out, ${stats.lowStockVariants} low stock)`)
  console.log(`  per category: ${Object.entries(perCategory).map(([c, n]) => `${c} ${n}`).join(", ")}`)
  if (Array.isArray(suppliers)) console.log(`  per supplier: ${suppliers.map((s) => `${s.code} ${count((p) => p.supplier === s.code)}`).join(", ")}`)
  console.log(`  per collection: ${COLLECTIONS.map((c) => `${c} ${count((p) => (p.collections || []).includes(c))}`).join(", ")}`)
  console.log(`  products with sold-out variants: ${stats.productsWithSoldOut}; whole size sold out: ${stats.wholeSizeSoldOut.join("; ") || "none"}`)
  console.log(`  INR selling prices ${Math.min(...prices)}-${Math.max(...prices)}; ${count((p) => p.mrp && p.price && p.mrp.inr === p.price.inr)} at full price; ${stats.budgetOutfits ?? 0} top + bottom outfits under Rs 2,000`)
}
for (const w of warnings) console.log(`warning: ${w}`)
if (errors.length) {
  console.error(`\n${errors.length} problem(s):`)
  for (const e of errors) console.error(`  - ${e}`)
  process.exit(1)
}
console.log("OK: catalog is valid")
