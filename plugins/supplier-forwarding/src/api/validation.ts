/**
 * Input validation at the edge: a bad body becomes a 400 listing every problem by field.
 */
import { MedusaError } from "@medusajs/utils"
import { z } from "zod"

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional()

export const supplierCreateSchema = z
  .object({
    code: z.string().trim().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, "use 2-40 capital letters, digits and dashes, e.g. SURAT-API"),
    name: z.string().trim().min(1).max(200),
    integration: z.enum(["api", "email", "whatsapp", "manual"]),
    contact_name: optionalText(200),
    email: z.string().trim().email().max(320).nullable().optional(),
    phone: z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, "a phone number such as +91 98765 43210").nullable().optional(),
    whatsapp: z.string().trim().regex(/^\+[0-9]{8,15}$/, "an international number such as +919876543210").nullable().optional(),
    address: optionalText(500),
    city: optionalText(100),
    state: optionalText(100),
    pincode: z.string().trim().regex(/^[1-9][0-9]{5}$/, "a 6-digit Indian pincode").nullable().optional(),
    pickup_location: optionalText(100),
    endpoint: z.string().trim().url().max(500).refine((u) => /^https?:\/\//.test(u), "an http(s) URL").nullable().optional(),
    auto_forward: z.boolean().optional(),
    processing_days: z.number().int().min(0).max(60).optional(),
    is_active: z.boolean().optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.integration === "api" && !s.endpoint) ctx.addIssue({ code: "custom", path: ["endpoint"], message: "is required for integration api" })
    if (s.integration === "email" && !s.email) ctx.addIssue({ code: "custom", path: ["email"], message: "is required for integration email" })
    if (s.integration === "whatsapp" && !s.whatsapp) ctx.addIssue({ code: "custom", path: ["whatsapp"], message: "is required for integration whatsapp" })
  })

export const supplierUpdateSchema = supplierCreateSchema.innerType().omit({ code: true }).partial().strict()

const id = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9]{1,60}$`), `an id such as ${prefix}_01H...`)

const statusList = z
  .string()
  .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.enum(["pending", "sent", "accepted", "rejected", "shipped", "failed", "cancelled"])))

export const supplierOrderQuerySchema = z
  .object({
    status: statusList.optional(),
    supplier_id: id("sup").optional(),
    order_id: id("order").optional(),
    queue: z.enum(["manual", "attention"]).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
    offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
  })
  .strict()

export const cancelSchema = z.object({ reason: z.string().trim().min(1).max(500).optional() }).strict()
export const markSentSchema = z.object({ note: z.string().trim().min(1).max(1000).optional() }).strict()

export const mappingUpsertSchema = z
  .object({
    mappings: z
      .array(
        z
          .object({
            variant_id: id("variant"),
            supplier_code: z.string().trim().min(1).max(40),
            supplier_sku: z.string().trim().min(1).max(100),
            cost_price: z.number().int("in minor units (paise, cents): a whole number").min(0).max(100_000_000),
            currency_code: z.string().trim().toLowerCase().regex(/^[a-z]{3}$/).optional(),
          })
          .strict()
      )
      .min(1)
      .max(1000),
    replace: z.boolean().optional(),
  })
  .strict()

export const mappingQuerySchema = z.object({ product_id: id("prod").optional(), variant_id: z.union([id("variant"), z.array(id("variant")).max(200)]).optional() }).strict()

export const mappingImportSchema = z.object({ csv: z.string().min(1).max(2_000_000), dry_run: z.boolean().optional() }).strict()

export function validate<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, body: unknown, what = "supplier"): T {
  const result = schema.safeParse(body ?? {})
  if (result.success) return result.data
  const problems = result.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`)
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid ${what}: ${problems.join("; ")}`)
}

/** Who did it, for the history: the admin user, when known. */
export function actorOf(req: { user?: { userId?: string; id?: string } }): string {
  const userId = req.user?.userId ?? req.user?.id
  return userId ? `admin ${userId}` : "admin"
}
