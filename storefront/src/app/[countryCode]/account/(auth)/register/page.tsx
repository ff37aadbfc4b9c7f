import Link from "next/link"
import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { getCustomer } from "@/lib/data/customer"
import { RegisterForm } from "@/components/account/register-form"

export const metadata: Metadata = { title: "Create an account", robots: { index: false } }

export default async function RegisterPage({ params, searchParams }: PageProps<"/[countryCode]/account/register">) {
  const { countryCode } = await params
  const { next, email } = await searchParams
  if (await getCustomer()) redirect(`/${countryCode}/account`)
  return (
    <div className="container-page max-w-md py-12">
      <h1 className="text-3xl">Create an account</h1>
      <p className="mt-1 text-sm text-muted">Orders you placed as a guest with the same email appear in your account.</p>
      <div className="mt-6">
        <RegisterForm countryCode={countryCode} next={typeof next === "string" ? next : null} email={typeof email === "string" ? email : null} />
      </div>
      <p className="mt-6 text-sm">
        Already have an account?{" "}
        <Link href={`/${countryCode}/account/login`} className="font-semibold text-plum underline">
          Log in
        </Link>
      </p>
    </div>
  )
}
