import type { Metadata } from "next"
import { getCustomer } from "@/lib/data/customer"
import { AddressBook } from "@/components/account/address-book"

export const metadata: Metadata = { title: "Addresses", robots: { index: false } }

export default async function AddressesPage() {
  const customer = await getCustomer()
  return (
    <div>
      <h1 className="mb-6 text-3xl">Addresses</h1>
      <AddressBook addresses={customer?.shipping_addresses ?? []} />
    </div>
  )
}
