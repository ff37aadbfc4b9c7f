/**
 * Words as the stylist compares them: lower case, split on anything that is not a
 * letter or digit, and crudely singular ("dresses" and "dress", "florals" and
 * "floral" are the same word), so shopper text and catalogue text meet halfway.
 */
export function singular(word: string): string {
  if (word.length <= 3) return word
  if (word.endsWith("sses")) return word.slice(0, -2)
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) return word.slice(0, -1)
  return word
}

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(singular)
}

/** Lower case, single spaces, punctuation kept apart from words: the text title matching works on. */
export function normalizeTitle(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
}

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)]
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** "a, b and c" */
export function listInWords(items: string[], conjunction = "and"): string {
  if (items.length <= 1) return items.join("")
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`
}
