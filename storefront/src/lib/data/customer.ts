import "server-only"
import { cache } from "react"
import { medusa, MedusaError } from "../medusa/client"
import type { Customer, Measurements, Order } from "../medusa/types"
import { getAuthToken } from "../session"

/** The logged-in customer, or null (no token, or an expired one). */
export const getCustomer = cache(async (): Promise<Customer | null> => {
  const token = await getAuthToken()
  if (!token) return null
  try {
    const { customer } = await medusa<{ customer: Customer }>("/store/customers/me", { token, query: { expand: "shipping_addresses" } })
    return customer
  } catch (error) {
    if (error instanceof MedusaError && error.status === 401) return null
    throw error
  }
})

export async function listOrders(page = 1, limit = 10): Promise<{ orders: Order[]; count: number }> {
  const token = await getAuthToken()
  const res = await medusa<{ orders: Order[]; count: number }>("/store/customers/me/orders", {
    token,
    query: { limit, offset: (page - 1) * limit, expand: "items,fulfillments,payments,region" },
  })
  return { orders: res.orders, count: res.count }
}

export async function getMeasurements(): Promise<Measurements | null> {
  const token = await getAuthToken()
  if (!token) return null
  try {
    const { measurements } = await medusa<{ measurements: Measurements | null }>("/store/customers/me/measurements", { token })
    return measurements
  } catch (error) {
    if (error instanceof MedusaError && (error.status === 404 || error.status === 401)) return null
    throw error
  }
}
