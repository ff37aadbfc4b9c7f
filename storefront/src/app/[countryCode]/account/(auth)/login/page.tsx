import Link from "next/link"
import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { getCustomer } from "@/lib/data/customer"
import { LoginForm } from "@/components/account/login-form"

export const metadata: Metadata = { title: "Log in", robots: { index: false } }

export default async function LoginPage({ params, searchParams }: PageProps<"/[countryCode]/account/login">) {
  const { countryCode } = await params
  const { next } = await searchParams
  if (await getCustomer()) redirect(`/${countryCode}/account`)
  const nextPath = typeof next === "string" ? next : null
  return (
    <div className="container-page max-w-md py-12">
      <h1 className="text-3xl">Log in</h1>
      <p className="mt-1 text-sm text-muted">See your orders, saved addresses, measurements and wishlist.</p>
      <div className="mt-6">
        <LoginForm countryCode={countryCode} next={nextPath} />
      </div>
      <p className="mt-6 text-sm">
        New here?{" "}
        <Link href={`/${countryCode}/account/register${nextPath ? `?next=${encodeURIComponent(nextPath)}` : ""}`} className="font-semibold text-plum underline">
          Create an account
        </Link>
      </p>
    </div>
  )
}
