/** Size-guide units: charts are kept in centimetres; shoppers in the US think in inches. */
export function cmToInches(cm: number): number {
  return Math.round((cm / 2.54) * 10) / 10
}

export function formatRange(range: [number, number], unit: "cm" | "in"): string {
  const [min, max] = unit === "cm" ? range : [cmToInches(range[0]), cmToInches(range[1])]
  return min === max ? `${min}` : `${min}–${max}`
}

export function humanize(word: string): string {
  const text = word.replace(/[-_]+/g, " ").trim()
  return text.charAt(0).toUpperCase() + text.slice(1)
}
