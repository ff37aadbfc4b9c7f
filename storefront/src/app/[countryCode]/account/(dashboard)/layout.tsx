import { redirect } from "next/navigation"
import { getCustomer } from "@/lib/data/customer"
import { AccountNav } from "@/components/account/account-nav"

export default async function AccountLayout({ children, params }: LayoutProps<"/[countryCode]/account">) {
  const { countryCode } = await params
  const customer = await getCustomer()
  if (!customer) redirect(`/${countryCode}/account/login?next=${encodeURIComponent(`/${countryCode}/account`)}`)
  return (
    <div className="container-page py-8">
      <p className="text-sm text-muted">Signed in as {customer.email}</p>
      <div className="mt-4 grid gap-8 lg:grid-cols-[14rem_1fr]">
        <AccountNav countryCode={countryCode} />
        <div>{children}</div>
      </div>
    </div>
  )
}
