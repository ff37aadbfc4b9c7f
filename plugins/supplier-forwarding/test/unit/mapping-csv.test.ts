import { parseMappingCsv } from "../../src/core/mapping-csv"

describe("parseMappingCsv", () => {
  it("reads a spreadsheet export: BOM, quoted commas, currency signs and thousands separators", () => {
    const csv = '\uFEFFsku,supplier_code,supplier_sku,cost_price\r\nZR-1,jaipur,"JP-1, blue",499\r\nZR-2,JAIPUR,JP-2,"₹1,299.50"\r\n'
    expect(parseMappingCsv(csv)).toEqual({
      rows: [
        { line: 2, sku: "ZR-1", supplier_code: "JAIPUR", supplier_sku: "JP-1, blue", cost_price: 49900, currency_code: "inr" },
        { line: 3, sku: "ZR-2", supplier_code: "JAIPUR", supplier_sku: "JP-2", cost_price: 129950, currency_code: "inr" },
      ],
      errors: [],
    })
  })

  it("takes the columns in any order and case, with an optional currency", () => {
    const { rows, errors } = parseMappingCsv("Cost_Price,SKU,Supplier_SKU,Supplier_Code,Currency_Code\n$12.5,ZR-9,NY-9,ny,USD\n")
    expect(errors).toEqual([])
    expect(rows).toEqual([{ line: 2, sku: "ZR-9", supplier_code: "NY", supplier_sku: "NY-9", cost_price: 1250, currency_code: "usd" }])
  })

  it("names the missing header columns on line 1", () => {
    expect(parseMappingCsv("sku,supplier_code\nZR-1,JAIPUR\n")).toEqual({ rows: [], errors: [{ line: 1, message: expect.stringMatching(/^missing column\(s\) supplier_sku, cost_price;/) }] })
    expect(parseMappingCsv("\uFEFF")).toEqual({ rows: [], errors: [{ line: 1, message: expect.stringMatching(/^the file is empty/) }] })
  })

  it("reports every bad row with its line number (header is line 1) and keeps the good ones apart", () => {
    const csv = ["sku,supplier_code,supplier_sku,cost_price,currency_code", "ZR-1,JAIPUR,JP-1,499", "ZR-2,,JP-2,12.345", "ZR-3,JAIPUR,JP-3,abc,rupees", "ZR-4,JAIPUR"].join("\n")
    const { rows, errors } = parseMappingCsv(csv)
    expect(rows.map((r) => r.line)).toEqual([2])
    expect(errors).toEqual([
      { line: 3, message: 'supplier_code is empty; cost_price "12.345" is not an amount such as 499 or 499.50' },
      { line: 4, message: 'cost_price "abc" is not an amount such as 499 or 499.50; currency_code "rupees" is not a 3-letter code' },
      { line: 5, message: expect.stringContaining("supplier_sku is empty") },
    ])
  })

  it("reports a duplicated SKU naming both lines", () => {
    const { rows, errors } = parseMappingCsv("sku,supplier_code,supplier_sku,cost_price\nZR-1,A,A-1,10\nZR-2,A,A-2,10\nZR-1,B,B-1,12\n")
    expect(rows.map((r) => r.sku)).toEqual(["ZR-1", "ZR-2"])
    expect(errors).toEqual([{ line: 4, message: "sku ZR-1 is also on line 2" }])
  })

  it("refuses a file that is not CSV", () => {
    const { rows, errors } = parseMappingCsv('sku,supplier_code,supplier_sku,cost_price\nZR-1,A,"A-1,10\n')
    expect(rows).toEqual([])
    expect(errors).toEqual([{ line: 2, message: expect.stringMatching(/^not a valid CSV: Quote Not Closed/) }])
  })

  // Bug: line numbers are the record index + 2, but blank lines are skipped
  // (skip_empty_lines), so every row after a blank line is reported one line too early.
  test("counts blank lines when numbering rows", () => {
    const { errors } = parseMappingCsv("sku,supplier_code,supplier_sku,cost_price\n\nZR-1,A,A-1,oops\n")
    expect(errors).toEqual([{ line: 3, message: expect.stringContaining('cost_price "oops"') }])
  })
})
