import { decryptSecret, encryptSecret } from "../../src/core/secret-box"

const key = "a-long-operator-passphrase"

describe("secret box", () => {
  it("round-trips and never stores the plaintext", () => {
    const sealed = encryptSecret("whsec_c2VjcmV0", key)
    expect(sealed).toMatch(/^v1\./)
    expect(sealed).not.toContain("c2VjcmV0")
    expect(decryptSecret(sealed, key)).toBe("whsec_c2VjcmV0")
    expect(encryptSecret("whsec_c2VjcmV0", key)).not.toBe(sealed) // fresh IV each time
  })

  it("refuses a wrong key, tampering and garbage with a clear message", () => {
    const sealed = encryptSecret("whsec_c2VjcmV0", key)
    expect(() => decryptSecret(sealed, "another-long-passphrase")).toThrow(/wrong encryption key or tampered/)
    const parts = sealed.split(".")
    parts[3] = Buffer.from("tampered").toString("base64url")
    expect(() => decryptSecret(parts.join("."), key)).toThrow(/tampered/)
    expect(() => decryptSecret("plain", key)).toThrow(/not an encrypted secret/)
  })

  it("refuses a short key", () => {
    expect(() => encryptSecret("x", "short")).toThrow(/at least 16 characters/)
  })
})
