import { PricingService as MedusaPricingService } from "@medusajs/medusa"

type ProductPricingInput = { productId: string; variants: { id: string }[] }
type PricingContext = { price_selection: Record<string, unknown> } & Record<string, unknown>
type ProductPricingMap = Map<string, Record<string, unknown>>
type GetProductPricing = (this: MedusaPricingService, data: ProductPricingInput[], context: PricingContext) => Promise<ProductPricingMap>

/**
 * Medusa 1.20's PricingService.getProductPricing_ copies the context shallowly and then
 * writes each product's tax rates into the shared `price_selection` while the products
 * are priced concurrently, so in a product list every product is taxed at whichever
 * product's rates were written last (a 3% GST earring shown with 18%). Pricing each
 * product with its own price_selection fixes it; tax rates stay cached per product.
 */
class PricingService extends MedusaPricingService {}

const priceProducts = (MedusaPricingService.prototype as unknown as { getProductPricing_: GetProductPricing }).getProductPricing_

// The method is private in Medusa's typings, so it is replaced on the prototype rather than overridden in the class body.
;(PricingService.prototype as unknown as { getProductPricing_: GetProductPricing }).getProductPricing_ = async function (data, context) {
  const result: ProductPricingMap = new Map()
  await Promise.all(
    data.map(async (product) => {
      const own = { ...context, price_selection: { ...context.price_selection } }
      const priced = await priceProducts.call(this, [product], own)
      priced.forEach((pricing, productId) => result.set(productId, pricing))
    })
  )
  return result
}

export default PricingService
