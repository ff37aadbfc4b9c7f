import { planInventoryUpdate, type MappedVariant } from "../../src/core/inventory-update"

const received = new Date("2026-11-23T12:00:00.000Z")
const mapped: MappedVariant[] = [
  { variant_id: "v_1", supplier_sku: "JP-1", sku: "ZR-1", stock_updated_at: new Date("2026-11-23T10:00:00.000Z") },
  { variant_id: "v_2", supplier_sku: "JP-2", sku: "ZR-2", stock_updated_at: null },
]

describe("planInventoryUpdate", () => {
  it("sets stock by the supplier's SKU or ours, dated by the report or by its arrival", () => {
    const plan = planInventoryUpdate([{ sku: "JP-1", quantity: 4, updated_at: "2026-11-23T11:00:00.000Z" }, { sku: "ZR-2", quantity: 7 }], mapped, received)
    expect(plan).toEqual({
      changes: [
        { variant_id: "v_1", sku: "JP-1", quantity: 4, updated_at: new Date("2026-11-23T11:00:00.000Z") },
        { variant_id: "v_2", sku: "ZR-2", quantity: 7, updated_at: received },
      ],
      stale: [],
      unknown: [],
    })
  })

  it("ignores an update not newer than the one already applied (out-of-order webhooks)", () => {
    const plan = planInventoryUpdate(
      [
        { sku: "JP-1", quantity: 0, updated_at: "2026-11-23T09:59:59.000Z" },
        { sku: "ZR-1", quantity: 1, updated_at: "2026-11-23T10:00:00.000Z" },
      ],
      mapped,
      received
    )
    expect(plan).toEqual({ changes: [], stale: ["JP-1", "ZR-1"], unknown: [] })
  })

  it("takes the newest report when one variant appears twice, whatever the order", () => {
    const older = { sku: "ZR-2", quantity: 9, updated_at: "2026-11-23T11:00:00.000Z" }
    const newer = { sku: "JP-2", quantity: 5, updated_at: "2026-11-23T11:30:00.000Z" }
    for (const reports of [[older, newer], [newer, older]]) {
      expect(planInventoryUpdate(reports, mapped, received).changes).toEqual([{ variant_id: "v_2", sku: "JP-2", quantity: 5, updated_at: new Date(newer.updated_at) }])
    }
  })

  it("reports SKUs that are not mapped to this supplier and changes nothing for them", () => {
    const plan = planInventoryUpdate([{ sku: "OTHER-9", quantity: 3 }, { sku: "JP-2", quantity: 1 }], mapped, received)
    expect(plan.unknown).toEqual(["OTHER-9"])
    expect(plan.changes.map((c) => c.variant_id)).toEqual(["v_2"])
  })

  // Bug: the comment says "the supplier's own SKU wins when both match", but only within one
  // variant. When our SKU of a later variant equals the supplier SKU of an earlier one, the
  // later variant (matched by our SKU) wins, so the result depends on the mapping order.
  test("matches the supplier's own SKU first when it equals our SKU of another variant", () => {
    const clash: MappedVariant[] = [
      { variant_id: "v_a", supplier_sku: "KURTA-M", sku: "ZR-KURTA-M", stock_updated_at: null },
      { variant_id: "v_b", supplier_sku: "JP-77", sku: "KURTA-M", stock_updated_at: null },
    ]
    expect(planInventoryUpdate([{ sku: "KURTA-M", quantity: 2 }], clash, received).changes.map((c) => c.variant_id)).toEqual(["v_a"])
  })
})
