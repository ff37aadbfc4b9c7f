import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { parseSuggestQuery } from "../../../../core/catalog-query"
import type CatalogService from "../../../../services/catalog"
import { storeContext, validated } from "../../store-request"

/** GET /store/catalog/suggest: search-as-you-type products (max 6) and categories (max 3). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = validated(parseSuggestQuery(req.query))
  const ctx = await storeContext(req, query.region_id)
  res.json(await req.scope.resolve<CatalogService>("catalogService").suggest(query.q, ctx))
}
