/**
 * Encrypts supplier secrets at rest (AES-256-GCM). The key is derived from an
 * operator-held passphrase, so a database dump alone does not reveal the secrets.
 * Format: "v1.<iv>.<tag>.<ciphertext>", base64url parts.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "crypto"

const VERSION = "v1"

function keyFrom(passphrase: string): Buffer {
  if (!passphrase || passphrase.length < 16) throw new Error("the secret encryption key must be at least 16 characters")
  return createHash("sha256").update(`supplier-secret:${passphrase}`).digest()
}

export function encryptSecret(plaintext: string, passphrase: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", keyFrom(passphrase), iv)
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()])
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".")
}

export function decryptSecret(sealed: string, passphrase: string): string {
  const [version, iv, tag, ciphertext] = sealed.split(".")
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error("not an encrypted secret (expected v1.<iv>.<tag>.<data>)")
  const decipher = createDecipheriv("aes-256-gcm", keyFrom(passphrase), Buffer.from(iv, "base64url"))
  decipher.setAuthTag(Buffer.from(tag, "base64url"))
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8")
  } catch {
    throw new Error("cannot decrypt the secret: wrong encryption key or tampered data")
  }
}
