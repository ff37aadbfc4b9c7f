import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { parseCatalogListQuery } from "../../../../core/catalog-query"
import type CatalogService from "../../../../services/catalog"
import { storeContext, validated } from "../../store-request"

/** GET /store/catalog/products: filtered, faceted, sorted and paginated ProductCards (see README). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = validated(parseCatalogListQuery(req.query))
  const ctx = await storeContext(req, query.region_id)
  res.json(await req.scope.resolve<CatalogService>("catalogService").list(query, ctx))
}
