import { INDIAN_STATES, normalisePhone, US_STATES, validateAddress, type AddressInput } from "@/lib/core/address"

const india: AddressInput = {
  email: "asha@example.com",
  first_name: "Asha",
  last_name: "Verma",
  phone: "98765 43210",
  address_1: "12 MG Road",
  address_2: "",
  city: "Bengaluru",
  province: "Karnataka",
  postal_code: "560001",
  country_code: "in",
}

const us: AddressInput = {
  email: "jo@example.com",
  first_name: "Jo",
  last_name: "Smith",
  phone: "(415) 555-0123",
  address_1: "1 Market St",
  address_2: "Apt 4",
  city: "San Francisco",
  province: "CA",
  postal_code: "94105",
  country_code: "us",
}

describe("normalisePhone, India", () => {
  it.each([
    ["9876543210", "+919876543210"],
    ["98765 43210", "+919876543210"],
    ["98765-43210", "+919876543210"],
    ["(98765) 43210", "+919876543210"],
    ["+91 98765 43210", "+919876543210"],
    ["+91-98765-43210", "+919876543210"],
    ["+919876543210", "+919876543210"],
    ["919876543210", "+919876543210"],
    ["91 98765 43210", "+919876543210"],
    ["0091 98765 43210", "+919876543210"],
    ["09876543210", "+919876543210"],
    ["+91 098765 43210", "+919876543210"],
    ["  6000000000  ", "+916000000000"],
    ["7012345678", "+917012345678"],
    ["8123456789", "+918123456789"],
  ])("%j -> %j", (input, expected) => {
    expect(normalisePhone(input, "in")).toBe(expected)
  })

  it("keeps a ten-digit mobile that itself begins with 91", () => {
    expect(normalisePhone("9123456789", "in")).toBe("+919123456789")
    expect(normalisePhone("91234 56789", "in")).toBe("+919123456789")
    expect(normalisePhone("+91 91234 56789", "in")).toBe("+919123456789")
    expect(normalisePhone("919123456789", "in")).toBe("+919123456789")
  })

  it.each([
    ["5876543210"], // mobiles start with 6-9
    ["987654321"], // nine digits
    ["98765432101"], // eleven digits
    ["+1 415 555 0123"],
    ["abcdefghij"],
    [""],
    ["98765+43210"],
  ])("leaves %j as typed (trimmed) when it is not an Indian mobile", (input) => {
    expect(normalisePhone(`  ${input} `, "in")).toBe(input)
  })

  it("accepts the country code in capitals", () => {
    expect(normalisePhone("9876543210", "IN")).toBe("+919876543210")
  })
})

describe("normalisePhone, United States", () => {
  it.each([
    ["4155550123", "+14155550123"],
    ["(415) 555-0123", "+14155550123"],
    ["415.555.0123", "+14155550123"],
    ["415-555-0123", "+14155550123"],
    ["+1 415 555 0123", "+14155550123"],
    ["+1 (415) 555-0123", "+14155550123"],
    ["1-415-555-0123", "+14155550123"],
    ["14155550123", "+14155550123"],
    ["001 415 555 0123", "+14155550123"],
    ["  212 555 0100 ", "+12125550100"],
  ])("%j -> %j", (input, expected) => {
    expect(normalisePhone(input, "us")).toBe(expected)
  })

  it.each([["415555012"], ["41555501234"], ["1415555012"], ["0123456789"], ["+44 20 7946 0958"], ["phone"]])(
    "leaves %j as typed when it is not a US number",
    (input) => {
      expect(normalisePhone(` ${input} `, "us")).toBe(input)
    },
  )
})

describe("normalisePhone, other countries", () => {
  it("only trims", () => {
    expect(normalisePhone("  +44 20 7946 0958 ", "gb")).toBe("+44 20 7946 0958")
    expect(normalisePhone(" 9876543210 ", "ae")).toBe("9876543210")
  })
})

describe("validateAddress", () => {
  it("accepts a complete Indian address", () => {
    expect(validateAddress(india, { requireEmail: true })).toEqual({})
  })

  it("accepts a complete US address, with or without ZIP+4", () => {
    expect(validateAddress(us, { requireEmail: true })).toEqual({})
    expect(validateAddress({ ...us, postal_code: "94105-1234" }, { requireEmail: true })).toEqual({})
  })

  it("reports every missing field at once, each with its own message", () => {
    const empty: AddressInput = { email: "", first_name: "", last_name: "", phone: "", address_1: "", address_2: "", city: "", province: "", postal_code: "", country_code: "in" }
    expect(validateAddress(empty, { requireEmail: true })).toEqual({
      email: "Enter an email address like name@example.com",
      first_name: "Enter your first name",
      last_name: "Enter your last name",
      address_1: "Enter your house number and street",
      city: "Enter your city or town",
      postal_code: "Enter a 6-digit pincode",
      phone: "Enter a 10-digit mobile number",
      province: "Choose your state",
    })
  })

  it("reports every missing US field with US wording", () => {
    const empty: AddressInput = { email: "", first_name: "", last_name: "", phone: "", address_1: "", address_2: "", city: "", province: "", postal_code: "", country_code: "us" }
    expect(validateAddress(empty, { requireEmail: false })).toEqual({
      first_name: "Enter your first name",
      last_name: "Enter your last name",
      address_1: "Enter your house number and street",
      city: "Enter your city or town",
      postal_code: "Enter a 5-digit ZIP code",
      phone: "Enter a 10-digit phone number",
      province: "Choose your state",
    })
  })

  it("treats whitespace-only names, street and city as missing", () => {
    expect(validateAddress({ ...india, first_name: "  ", last_name: "\t", address_1: "     ", city: " " }, { requireEmail: true })).toEqual({
      first_name: "Enter your first name",
      last_name: "Enter your last name",
      address_1: "Enter your house number and street",
      city: "Enter your city or town",
    })
  })

  it("wants at least five characters of street", () => {
    expect(validateAddress({ ...india, address_1: "12 B" }, { requireEmail: true })).toEqual({ address_1: "Enter your house number and street" })
    expect(validateAddress({ ...india, address_1: "  12 B  " }, { requireEmail: true })).toEqual({ address_1: "Enter your house number and street" })
    expect(validateAddress({ ...india, address_1: "12 Bx" }, { requireEmail: true })).toEqual({})
  })

  it("checks the email only when asked to", () => {
    expect(validateAddress({ ...india, email: "" }, { requireEmail: false })).toEqual({})
    expect(validateAddress({ ...india, email: "  asha@example.com  " }, { requireEmail: true })).toEqual({})
    for (const bad of ["asha", "asha@", "asha@example", "asha@example.c", "as ha@example.com", "asha@@example.com", "@example.com"]) {
      expect(validateAddress({ ...india, email: bad }, { requireEmail: true })).toEqual({ email: "Enter an email address like name@example.com" })
    }
  })

  it("limits names, address lines and city to 120 characters", () => {
    const long = "a".repeat(121)
    expect(validateAddress({ ...india, first_name: long, last_name: long, address_1: long, address_2: long, city: long }, { requireEmail: true })).toEqual({
      first_name: "Keep this under 120 characters",
      last_name: "Keep this under 120 characters",
      address_1: "Keep this under 120 characters",
      address_2: "Keep this under 120 characters",
      city: "Keep this under 120 characters",
    })
    const edge = "a".repeat(120)
    expect(validateAddress({ ...india, first_name: edge, address_2: edge }, { requireEmail: true })).toEqual({})
  })

  it("accepts a pincode of six digits not starting with 0", () => {
    for (const ok of ["110001", "560001", "999999", " 400001 "]) {
      expect(validateAddress({ ...india, postal_code: ok }, { requireEmail: true })).toEqual({})
    }
    for (const bad of ["012345", "56000", "5600011", "56000A", "560 001", "560-001", ""]) {
      expect(validateAddress({ ...india, postal_code: bad }, { requireEmail: true })).toEqual({ postal_code: "Enter a 6-digit pincode" })
    }
  })

  it("accepts a US ZIP of five digits or ZIP+4", () => {
    for (const ok of ["94105", "02134", "94105-1234", " 10001 "]) {
      expect(validateAddress({ ...us, postal_code: ok }, { requireEmail: true })).toEqual({})
    }
    for (const bad of ["9410", "941051", "94105-123", "94105-12345", "941051234", "94105 1234", "ABCDE", ""]) {
      expect(validateAddress({ ...us, postal_code: bad }, { requireEmail: true })).toEqual({ postal_code: "Enter a 5-digit ZIP code" })
    }
  })

  it("checks the phone through normalisePhone", () => {
    expect(validateAddress({ ...india, phone: "+91 91234 56789" }, { requireEmail: true })).toEqual({})
    expect(validateAddress({ ...india, phone: "09876543210" }, { requireEmail: true })).toEqual({})
    expect(validateAddress({ ...india, phone: "5876543210" }, { requireEmail: true })).toEqual({ phone: "Enter a 10-digit mobile number" })
    expect(validateAddress({ ...india, phone: "(415) 555-0123" }, { requireEmail: true })).toEqual({ phone: "Enter a 10-digit mobile number" })
    expect(validateAddress({ ...us, phone: "+1 415 555 0123" }, { requireEmail: true })).toEqual({})
    expect(validateAddress({ ...us, phone: "555-0123" }, { requireEmail: true })).toEqual({ phone: "Enter a 10-digit phone number" })
    expect(validateAddress({ ...us, phone: "+10123456789" }, { requireEmail: true })).toEqual({ phone: "Enter a 10-digit phone number" })
  })

  it("wants a state from the country's list, exactly as listed", () => {
    expect(validateAddress({ ...india, province: "Tamil Nadu" }, { requireEmail: true })).toEqual({})
    expect(validateAddress({ ...india, province: "karnataka" }, { requireEmail: true })).toEqual({ province: "Choose your state" })
    expect(validateAddress({ ...india, province: "CA" }, { requireEmail: true })).toEqual({ province: "Choose your state" })
    expect(validateAddress({ ...us, province: "NY" }, { requireEmail: true })).toEqual({})
    expect(validateAddress({ ...us, province: "California" }, { requireEmail: true })).toEqual({ province: "Choose your state" })
    expect(validateAddress({ ...us, province: "ca" }, { requireEmail: true })).toEqual({ province: "Choose your state" })
  })

  it("accepts the country code in capitals", () => {
    expect(validateAddress({ ...india, country_code: "IN" }, { requireEmail: true })).toEqual({})
    expect(validateAddress({ ...us, country_code: "US", postal_code: "941" }, { requireEmail: true })).toEqual({ postal_code: "Enter a 5-digit ZIP code" })
  })

  it("for other countries only asks for some postal code, and no particular phone or state", () => {
    const gb: AddressInput = { ...india, country_code: "gb", province: "", phone: "", postal_code: "SW1A 1AA" }
    expect(validateAddress(gb, { requireEmail: true })).toEqual({})
    expect(validateAddress({ ...gb, postal_code: "   " }, { requireEmail: true })).toEqual({ postal_code: "Enter your postal code" })
  })
})

describe("state lists", () => {
  it("has the 28 Indian states and 8 union territories, without duplicates", () => {
    expect(INDIAN_STATES).toHaveLength(36)
    expect(new Set(INDIAN_STATES).size).toBe(36)
    for (const name of ["Maharashtra", "Delhi", "Ladakh", "Jammu and Kashmir", "Puducherry", "Dadra and Nagar Haveli and Daman and Diu", "Telangana"]) {
      expect(INDIAN_STATES).toContain(name)
    }
    expect([...INDIAN_STATES].sort((a, b) => a.localeCompare(b))).toEqual(INDIAN_STATES)
  })

  it("has the 50 US states and DC as two-letter codes, without duplicates", () => {
    expect(US_STATES).toHaveLength(51)
    expect(new Set(US_STATES).size).toBe(51)
    expect(US_STATES.every((s) => /^[A-Z]{2}$/.test(s))).toBe(true)
    for (const code of ["CA", "NY", "TX", "DC", "AK", "HI", "WY"]) expect(US_STATES).toContain(code)
    expect(US_STATES).not.toContain("PR")
  })
})
