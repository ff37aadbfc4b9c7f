import type { Metadata } from "next"
import { getMeasurements } from "@/lib/data/customer"
import { MeasurementsForm } from "@/components/account/measurements-form"

export const metadata: Metadata = { title: "Body measurements", robots: { index: false } }

export default async function MeasurementsPage({ params }: PageProps<"/[countryCode]/account/measurements">) {
  const { countryCode } = await params
  const measurements = await getMeasurements()
  return (
    <div>
      <h1 className="text-3xl">Body measurements</h1>
      <p className="mb-6 mt-1 max-w-xl text-sm text-muted">Only you can see these. Keep them here to compare with each product's size guide; leave out anything you prefer not to share.</p>
      <MeasurementsForm measurements={measurements} defaultUnit={countryCode === "us" ? "in" : "cm"} />
      {measurements?.updated_at ? <p className="mt-4 text-xs text-muted">Last updated {new Date(measurements.updated_at).toLocaleDateString("en-IN")}</p> : null}
    </div>
  )
}
