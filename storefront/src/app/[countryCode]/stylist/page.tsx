import { Suspense } from "react"
import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getRegion } from "@/lib/data/regions"
import { getStylistSession } from "@/lib/data/stylist"
import { emptyAnswer, stylistMoney, type StylistSession } from "@/lib/core/stylist"
import { currencySymbol } from "@/lib/core/money"
import { StylistChat, type Turn } from "@/components/stylist/stylist-chat"

type Props = PageProps<"/[countryCode]/stylist">

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { countryCode } = await props.params
  return {
    title: "Your stylist",
    description: "Tell our stylist the occasion, your size and budget: complete looks from pieces in stock in your size.",
    alternates: { canonical: `/${countryCode}/stylist` },
  }
}

export default async function StylistPage(props: Props) {
  const { countryCode } = await props.params
  const region = await getRegion(countryCode)
  if (!region) notFound()
  return (
    <div className="container-page max-w-5xl py-6">
      <h1 className="text-3xl">Your stylist</h1>
      <p className="mt-2 max-w-prose text-muted">Looks for your occasion from what is in stock in your size, always within your budget. Add a whole look to your bag in one go.</p>
      <div className="mt-6">
        <Suspense fallback={<StylistSkeleton />}>
          <StylistConversation countryCode={countryCode} regionId={region.id} currencyCode={region.currency_code} />
        </Suspense>
      </div>
    </div>
  )
}

/** The conversation kept for her in this country, shown again on return (without its suggestions: those were for that moment). */
async function StylistConversation({ countryCode, regionId, currencyCode }: { countryCode: string; regionId: string; currencyCode: string }) {
  const session = await getStylistSession(countryCode)
  const current = session && (!session.region_id || session.region_id === regionId) ? session : null
  const examples = [`A party dress under ${stylistMoney(currencyCode === "inr" ? 3000 : 80, currencyCode)}`, "An office look in size M, nothing sleeveless", "What can I wear to a beach wedding?"]
  return <StylistChat countryCode={countryCode} currencySymbol={currencySymbol(currencyCode)} initialTurns={turnsOf(current)} initialSessionId={current?.id ?? null} examples={examples} />
}

function turnsOf(session: StylistSession | null): Turn[] {
  return (session?.messages ?? []).map((m, i): Turn =>
    m.role === "shopper"
      ? { id: `saved-${i}`, role: "shopper", text: m.text }
      : { id: `saved-${i}`, role: "stylist", restored: true, answer: { ...emptyAnswer(), reply: m.text, outfits: m.outfits } }
  )
}

/** While her conversation loads: the chat's shape, and a word for screen readers. */
function StylistSkeleton() {
  return (
    <div data-testid="stylist-loading">
      <span role="status" className="sr-only">
        Loading your conversation…
      </span>
      <div aria-hidden="true" className="animate-pulse space-y-4">
        <div className="ml-auto h-10 w-2/3 rounded-2xl bg-sand sm:w-1/3" />
        <div className="h-16 w-5/6 rounded-2xl bg-sand sm:w-1/2" />
        <div className="h-36 rounded-2xl border border-line bg-white" />
      </div>
    </div>
  )
}
