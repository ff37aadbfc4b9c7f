import { AbstractFulfillmentService, type Cart, type Fulfillment, type LineItem, type Order } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import type { CreateReturnType } from "@medusajs/medusa/dist/types/fulfillment-provider"
import type ShiprocketService from "./shiprocket"
import type ShiprocketShipmentService from "./shiprocket-shipment"

export const SHIPROCKET_OPTION_IDS = { cheapest: "shiprocket-cheapest", fastest: "shiprocket-fastest", return: "shiprocket-return" } as const

type Kind = "cheapest" | "fastest"

type Container = { shiprocketService: ShiprocketService; shiprocketShipmentService: ShiprocketShipmentService }

function kindOf(optionData: Record<string, unknown>): Kind | null {
  if (optionData?.id === SHIPROCKET_OPTION_IDS.cheapest) return "cheapest"
  if (optionData?.id === SHIPROCKET_OPTION_IDS.fastest) return "fastest"
  return null
}

/**
 * Shiprocket as a Medusa fulfillment provider ("shiprocket"): calculated shipping options
 * for India (the cheapest and the fastest courier for the cart's pincode, weight and
 * suppliers) and a return option. When Shiprocket cannot price a cart (not configured,
 * down, pincode not served) the options are left out and the flat-rate ones remain.
 *
 * Booking happens outside Medusa's transaction: a fulfillment made here is recorded as a
 * parcel by the `order.fulfillment_created` subscriber (and a sweep), then booked by the
 * loop, so a Shiprocket outage never blocks fulfilling an order.
 */
export default class ShiprocketFulfillmentService extends AbstractFulfillmentService {
  static identifier = "shiprocket"

  protected readonly container_: Container

  constructor(container: Container, options?: Record<string, unknown>) {
    // eslint-disable-next-line prefer-rest-params
    super(container as any, options)
    this.container_ = container
  }

  // Resolved on use: the provider is built while services are still being registered.
  private get shiprocket(): ShiprocketService {
    return this.container_.shiprocketService
  }

  async getFulfillmentOptions(): Promise<Record<string, unknown>[]> {
    return [
      { id: SHIPROCKET_OPTION_IDS.cheapest, name: "Shiprocket: the cheapest courier for the pincode" },
      { id: SHIPROCKET_OPTION_IDS.fastest, name: "Shiprocket: the fastest courier for the pincode" },
      { id: SHIPROCKET_OPTION_IDS.return, name: "Shiprocket: reverse pickup from the customer", is_return: true },
    ]
  }

  async validateOption(data: Record<string, unknown>): Promise<boolean> {
    return Object.values(SHIPROCKET_OPTION_IDS).includes(data?.id as never)
  }

  async canCalculate(data: Record<string, unknown>): Promise<boolean> {
    return kindOf(data) !== null
  }

  /** The courier's rate for the cart, rounded up to the rupee. Throws (option hidden) when Shiprocket cannot price it. */
  async calculatePrice(optionData: Record<string, unknown>, _data: Record<string, unknown>, cart: Cart): Promise<number> {
    return (await this.offer(optionData, cart)).rate
  }

  /** Keeps the offer the shopper chose on the shipping method: the courier to book and the date promised. */
  async validateFulfillmentData(optionData: Record<string, unknown>, data: Record<string, unknown>, cart: Cart): Promise<Record<string, unknown>> {
    if (optionData?.id === SHIPROCKET_OPTION_IDS.return) return { ...data, id: SHIPROCKET_OPTION_IDS.return }
    const offer = await this.offer(optionData, cart)
    return { id: optionData.id, kind: offer.kind, courier_id: offer.courier_id, courier_name: offer.courier_name, etd: offer.etd, estimated_days: offer.estimated_days, pincode: offer.pincode }
  }

  private async offer(optionData: Record<string, unknown>, cart: Cart) {
    const kind = kindOf(optionData)
    if (!kind) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown Shiprocket option ${String(optionData?.id)}`)
    if (!cart?.id) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Shiprocket rates need a cart")
    const answer = await this.shiprocket.estimateForCart(cart.id)
    if (!answer) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Add an Indian delivery address (6-digit pincode) to see courier rates")
    const option = answer.estimate?.options.find((o) => o.kind === kind) ?? (kind === "fastest" ? answer.estimate?.options.find((o) => o.kind === "cheapest") : undefined)
    if (!answer.estimate || !option) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, answer.message ?? `No courier delivers to ${answer.pincode} yet`)
    return {
      kind,
      rate: Math.ceil(option.rate / 100) * 100,
      courier_id: option.courier_id,
      courier_name: option.courier_name,
      etd: option.etd,
      estimated_days: option.estimated_days,
      pincode: answer.pincode,
    }
  }

  async createFulfillment(data: Record<string, unknown>, _items: LineItem[], _order: Order, fulfillment: Fulfillment): Promise<Record<string, unknown>> {
    return { ...data, fulfillment_id: fulfillment.id }
  }

  /** Cancels the parcel at Shiprocket before pickup; after pickup it refuses (then: a return). */
  async cancelFulfillment(data: Record<string, unknown>): Promise<Record<string, unknown>> {
    const fulfillmentId = typeof data?.fulfillment_id === "string" ? data.fulfillment_id : null
    if (!fulfillmentId) return {}
    const row = await this.container_.shiprocketShipmentService.cancelForFulfillment(fulfillmentId)
    return row ? { shiprocket_shipment_id: row.id, state: row.state } : {}
  }

  /** The reverse pickup is recorded by the `order.return_requested` subscriber and booked by the loop. */
  async createReturn(_returnOrder: CreateReturnType): Promise<Record<string, unknown>> {
    return {}
  }

  async getFulfillmentDocuments(_data: Record<string, unknown>): Promise<unknown[]> {
    return []
  }

  async getReturnDocuments(_data: Record<string, unknown>): Promise<unknown[]> {
    return []
  }

  async getShipmentDocuments(_data: Record<string, unknown>): Promise<unknown[]> {
    return []
  }

  async retrieveDocuments(_data: Record<string, unknown>, _type: "invoice" | "label"): Promise<unknown[]> {
    return []
  }
}
