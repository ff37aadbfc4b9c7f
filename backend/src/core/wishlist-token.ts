/**
 * Guest wishlist tokens: 32 random bytes as base64url, shown to the guest once and
 * stored only as a SHA-256 hash. Pure: Node's crypto only.
 */
import { createHash, randomBytes, timingSafeEqual } from "crypto"

export const TOKEN_BYTES = 32
/** base64url of 32 bytes, without padding: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

export function generateWishlistToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url")
}

/** Whether a string can be a token this code issued; anything else is simply unknown. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === "string" && TOKEN_PATTERN.test(token)
}

/** Hex SHA-256 of the token; the token has 256 bits of entropy, so no salt or slow hash is needed. */
export function hashWishlistToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex")
}

/** Constant-time comparison of a presented token with a stored hash. */
export function tokenMatchesHash(token: string, storedHash: string): boolean {
  const presented = Buffer.from(hashWishlistToken(token), "hex")
  const stored = Buffer.from(storedHash, "hex")
  return presented.length === stored.length && timingSafeEqual(presented, stored)
}
