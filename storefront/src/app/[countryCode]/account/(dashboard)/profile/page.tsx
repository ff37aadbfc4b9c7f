import type { Metadata } from "next"
import { getCustomer } from "@/lib/data/customer"
import { ProfileForm } from "@/components/account/profile-form"

export const metadata: Metadata = { title: "Profile", robots: { index: false } }

export default async function ProfilePage() {
  const customer = await getCustomer()
  return (
    <div>
      <h1 className="mb-6 text-3xl">Profile</h1>
      {customer ? <ProfileForm customer={customer} /> : null}
    </div>
  )
}
