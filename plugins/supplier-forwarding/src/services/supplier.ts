import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { EntityManager, In } from "typeorm"
import { inTransaction } from "../utils/transaction"
import { decryptSecret, encryptSecret } from "../core/secret-box"
import { parseMappingCsv, type RowError } from "../core/mapping-csv"
import { generateWebhookSecret } from "../core/webhook-signature"
import { isEntityId } from "../core/forwarding"
import { Supplier, SupplierIntegration } from "../models/supplier"
import { SupplierVariant } from "../models/supplier-variant"

export type SupplierInput = {
  code: string
  name: string
  integration: SupplierIntegration
  contact_name?: string | null
  email?: string | null
  phone?: string | null
  whatsapp?: string | null
  address?: string | null
  city?: string | null
  state?: string | null
  pincode?: string | null
  pickup_location?: string | null
  endpoint?: string | null
  auto_forward?: boolean
  processing_days?: number
  is_active?: boolean
}

export type VariantMappingInput = { variant_id: string; supplier_code: string; supplier_sku: string; cost_price: number; currency_code?: string }

type PluginOptions = { secret_encryption_key?: string }

/** Suppliers and which supplier fulfils each variant. */
export default class SupplierService extends TransactionBaseService {
  protected readonly encryptionKey_: string

  constructor(container: { manager: EntityManager }, options: PluginOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(container, options)
    const key = options.secret_encryption_key || process.env.SUPPLIER_SECRET_KEY
    if (!key && process.env.NODE_ENV === "production") {
      throw new Error("SUPPLIER_SECRET_KEY: must be set in production to encrypt supplier webhook secrets (at least 16 characters)")
    }
    // Development fallback: still encrypted, with a key derived from the cookie secret.
    this.encryptionKey_ = key || `development-only:${process.env.COOKIE_SECRET || "supersecret"}`
  }

  async list(selector: Partial<Pick<Supplier, "is_active" | "integration">> = {}): Promise<Supplier[]> {
    return this.activeManager_.getRepository(Supplier).find({ where: selector, order: { code: "ASC" } })
  }

  async retrieve(id: string): Promise<Supplier> {
    if (!isEntityId(id)) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No supplier with id ${JSON.stringify(id).slice(0, 60)}`)
    const supplier = await this.activeManager_.getRepository(Supplier).findOne({ where: { id } })
    if (!supplier) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No supplier with id ${id}`)
    return supplier
  }

  async update(id: string, input: Partial<Omit<SupplierInput, "code">>): Promise<Supplier> {
    return inTransaction(this, async (manager) => {
      const repo = manager.getRepository(Supplier)
      const supplier = await this.withTransaction(manager).retrieve(id)
      const next = { ...supplier, ...input }
      // The same rule as on create: a supplier must stay reachable through its integration.
      const missing = { api: "endpoint", email: "email", whatsapp: "whatsapp", manual: null }[next.integration]
      if (missing && !next[missing as "endpoint" | "email" | "whatsapp"]) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid supplier: ${missing}: is required for integration ${next.integration}`)
      }
      return repo.save(Object.assign(supplier, input))
    })
  }

  /** A new webhook secret, returned once; deliveries are signed with it from now on. */
  async rotateSecret(id: string): Promise<{ supplier: Supplier; secret: string }> {
    return inTransaction(this, async (manager) => {
      const supplier = await this.withTransaction(manager).retrieve(id)
      const secret = generateWebhookSecret()
      await manager.getRepository(Supplier).update(id, { secret_encrypted: encryptSecret(secret, this.encryptionKey_) })
      return { supplier, secret }
    })
  }

  /** The supplier's webhook secret in clear, for signing deliveries and verifying its webhooks. */
  async secretOf(id: string): Promise<string | null> {
    const row = await this.activeManager_
      .getRepository(Supplier)
      .createQueryBuilder("s")
      .select("s.id")
      .addSelect("s.secret_encrypted")
      .where("s.id = :id", { id })
      .getOne()
    return row?.secret_encrypted ? decryptSecret(row.secret_encrypted, this.encryptionKey_) : null
  }

  async retrieveByCode(code: string): Promise<Supplier> {
    const supplier = await this.activeManager_.getRepository(Supplier).findOne({ where: { code } })
    if (!supplier) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No supplier with code ${code}`)
    return supplier
  }

  /** Creates a supplier with a fresh whsec_ secret; the plaintext secret is returned once and only stored encrypted. */
  async create(input: SupplierInput): Promise<{ supplier: Supplier; secret: string }> {
    return inTransaction(this, async (manager) => {
      const repo = manager.getRepository(Supplier)
      if (await repo.findOne({ where: { code: input.code } })) {
        throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `A supplier with code ${input.code} already exists`)
      }
      const secret = generateWebhookSecret()
      const { id } = await repo.save(repo.create({ ...input, secret_encrypted: encryptSecret(secret, this.encryptionKey_) }))
      // Read back without the encrypted secret (select: false), so it never leaves in a response.
      return { supplier: await this.withTransaction(manager).retrieve(id), secret }
    })
  }

  /** Creates the suppliers that do not exist yet (by code) and leaves existing ones untouched. */
  async createMissing(inputs: SupplierInput[]): Promise<{ code: string; secret: string }[]> {
    const existing = new Set((await this.activeManager_.getRepository(Supplier).find({ where: { code: In(inputs.map((i) => i.code)) } })).map((s) => s.code))
    const created: { code: string; secret: string }[] = []
    for (const input of inputs.filter((i) => !existing.has(i.code))) {
      const { secret } = await this.create(input)
      created.push({ code: input.code, secret })
    }
    return created
  }

  /** Sets the supplier of each variant; variants already mapped keep their mapping unless `replace`. */
  async mapVariants(mappings: VariantMappingInput[], { replace = false } = {}): Promise<number> {
    if (!mappings.length) return 0
    return inTransaction(this, async (manager) => {
      const suppliers = await manager.getRepository(Supplier).find({ where: { code: In([...new Set(mappings.map((m) => m.supplier_code))]) } })
      const idByCode = new Map(suppliers.map((s) => [s.code, s.id]))
      const unknown = [...new Set(mappings.map((m) => m.supplier_code).filter((c) => !idByCode.has(c)))]
      if (unknown.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown supplier code(s): ${unknown.join(", ")}`)
      const repo = manager.getRepository(SupplierVariant)
      const existing = new Map((await repo.find({ where: { variant_id: In(mappings.map((m) => m.variant_id)) } })).map((v) => [v.variant_id, v]))
      let changed = 0
      for (const m of mappings) {
        const current = existing.get(m.variant_id)
        if (current && !replace) continue
        const values = { supplier_id: idByCode.get(m.supplier_code)!, supplier_sku: m.supplier_sku, cost_price: m.cost_price, currency_code: m.currency_code ?? "inr" }
        await repo.save(current ? Object.assign(current, values) : repo.create({ variant_id: m.variant_id, ...values }))
        changed++
      }
      return changed
    })
  }

  async deleteVariantMapping(variantId: string): Promise<boolean> {
    const result = await this.activeManager_.getRepository(SupplierVariant).delete({ variant_id: variantId })
    return Boolean(result.affected)
  }

  async listMappingsForProduct(productId: string): Promise<SupplierVariant[]> {
    if (!isEntityId(productId)) return []
    const variants: { id: string }[] = await this.activeManager_.query(`SELECT id FROM product_variant WHERE product_id = $1 AND deleted_at IS NULL`, [productId])
    return this.listVariantMappings(variants.map((v) => v.id))
  }

  /**
   * Bulk mapping from CSV: every row is checked (format, SKU exists, supplier exists)
   * before anything is written; with errors or `dryRun`, nothing is.
   */
  async importMappingCsv(csv: string, { dryRun = false } = {}): Promise<{ rows: number; imported: number; errors: RowError[] }> {
    const { rows, errors } = parseMappingCsv(csv)
    const dataLines = rows.length + errors.filter((e) => e.line > 1).length
    const skus = rows.map((r) => r.sku)
    const variants: { id: string; sku: string }[] = skus.length ? await this.activeManager_.query(`SELECT id, sku FROM product_variant WHERE sku = ANY($1) AND deleted_at IS NULL`, [skus]) : []
    const idBySku = new Map(variants.map((v) => [v.sku, v.id]))
    const codes = [...new Set(rows.map((r) => r.supplier_code))]
    const known = new Set((codes.length ? await this.activeManager_.getRepository(Supplier).find({ where: { code: In(codes) } }) : []).map((s) => s.code))
    for (const r of rows) {
      const problems = [!idBySku.has(r.sku) && `no product variant has sku ${r.sku}`, !known.has(r.supplier_code) && `no supplier has code ${r.supplier_code}`].filter(Boolean)
      if (problems.length) errors.push({ line: r.line, message: problems.join("; ") })
    }
    errors.sort((a, b) => a.line - b.line)
    if (errors.length || dryRun) return { rows: dataLines, imported: 0, errors }
    const imported = await this.mapVariants(
      rows.map((r) => ({ variant_id: idBySku.get(r.sku)!, supplier_code: r.supplier_code, supplier_sku: r.supplier_sku, cost_price: r.cost_price, currency_code: r.currency_code })),
      { replace: true }
    )
    return { rows: dataLines, imported, errors }
  }

  async listVariantMappings(variantIds: string[]): Promise<SupplierVariant[]> {
    if (!variantIds.length) return []
    return this.activeManager_.getRepository(SupplierVariant).find({ where: { variant_id: In(variantIds) }, relations: ["supplier"] })
  }
}
