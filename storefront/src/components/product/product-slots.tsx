/**
 * Places on the product page that belong to other plugins: size advice
 * (size-recommendation), the 3D viewer (3d-assets), reviews (reviews) and "complete the
 * look" (ai-stylist). Each plugin's issue puts its view here; until then a slot renders
 * nothing and costs nothing (no request to an endpoint that does not exist yet).
 */
export type SlotName = "size-advice" | "3d-viewer" | "reviews" | "complete-the-look"

export function ProductSlot({ name }: { name: SlotName; productId: string; regionId: string }) {
  return <div data-slot={name} hidden />
}
