/**
 * How a reviewer is named in the store: her first name and the initial of her last name
 * ("Priya S."). Never her email or id, which would identify her; a customer without a first
 * name is "A customer".
 */
export const ANONYMOUS_AUTHOR = "A customer"

const firstLetter = (text: string) => Array.from(text)[0] ?? ""

/** A name with its spaces tidied; one that holds an email ("priya@example.com") is no name. */
function cleanName(raw: string | null | undefined): string {
  const name = (raw ?? "").replace(/\s+/g, " ").trim()
  if (!name || name.includes("@")) return ""
  return name
}

export function displayName(firstName: string | null | undefined, lastName: string | null | undefined): string {
  const first = cleanName(firstName)
  if (!first) return ANONYMOUS_AUTHOR
  const capitalised = firstLetter(first).toLocaleUpperCase() + first.slice(firstLetter(first).length)
  const last = cleanName(lastName)
  const initial = last ? firstLetter(last).toLocaleUpperCase() : ""
  return initial && /\p{L}/u.test(initial) ? `${capitalised} ${initial}.` : capitalised
}
