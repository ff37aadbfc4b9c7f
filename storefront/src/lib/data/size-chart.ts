import "server-only"
import { medusaOrNull } from "../medusa/client"
import type { SizeChart } from "../medusa/types"

export async function getSizeChart(productId: string): Promise<SizeChart | null> {
  const res = await medusaOrNull<{ size_chart: SizeChart }>(`/store/products/${productId}/size-chart`, { revalidate: 300, tags: ["size-charts"] })
  return res?.size_chart ?? null
}
