/**
 * Checkout address rules per country, checked before anything is sent to the store so
 * the shopper sees every problem at once, next to its field.
 */
export type AddressInput = {
  email: string
  first_name: string
  last_name: string
  phone: string
  address_1: string
  address_2: string
  city: string
  province: string
  postal_code: string
  country_code: string
}

export type FieldErrors = Partial<Record<keyof AddressInput, string>>

export const INDIAN_STATES = [
  "Andaman and Nicobar Islands", "Andhra Pradesh", "Arunachal Pradesh", "Assam", "Bihar", "Chandigarh", "Chhattisgarh",
  "Dadra and Nagar Haveli and Daman and Diu", "Delhi", "Goa", "Gujarat", "Haryana", "Himachal Pradesh", "Jammu and Kashmir",
  "Jharkhand", "Karnataka", "Kerala", "Ladakh", "Lakshadweep", "Madhya Pradesh", "Maharashtra", "Manipur", "Meghalaya",
  "Mizoram", "Nagaland", "Odisha", "Puducherry", "Punjab", "Rajasthan", "Sikkim", "Tamil Nadu", "Telangana", "Tripura",
  "Uttar Pradesh", "Uttarakhand", "West Bengal",
]

export const US_STATES = [
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD",
  "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD",
  "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
]

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/

/**
 * The phone in E.164 (+91XXXXXXXXXX, +1XXXXXXXXXX) when it is a valid Indian mobile or US
 * number however it was typed (spaces, dashes, brackets, a leading 0, +91 / 91 / 0091,
 * +1 / 1 / 001); otherwise the input, trimmed, for validation to reject.
 */
export function normalisePhone(phone: string, countryCode: string): string {
  const digits = phone.replace(/[^\d+]/g, "")
  const cc = countryCode.toLowerCase()
  if (cc === "in") {
    // "91" without a + is a country code only when a full number follows: 9123456789 is itself a mobile.
    const match = /^(?:\+91|0091|91(?=0?\d{10}$))?0?([6-9]\d{9})$/.exec(digits)
    return match ? `+91${match[1]}` : phone.trim()
  }
  if (cc === "us") {
    // A NANP area code never starts with 0 or 1, so a leading 1 is always the country code.
    const match = /^(?:\+1|001|1)?([2-9]\d{9})$/.exec(digits)
    return match ? `+1${match[1]}` : phone.trim()
  }
  return phone.trim()
}

export function validateAddress(input: AddressInput, options: { requireEmail: boolean }): FieldErrors {
  const errors: FieldErrors = {}
  const cc = input.country_code.toLowerCase()
  if (options.requireEmail && !EMAIL.test(input.email.trim())) errors.email = "Enter an email address like name@example.com"
  if (!input.first_name.trim()) errors.first_name = "Enter your first name"
  if (!input.last_name.trim()) errors.last_name = "Enter your last name"
  if (input.address_1.trim().length < 5) errors.address_1 = "Enter your house number and street"
  if (!input.city.trim()) errors.city = "Enter your city or town"
  for (const key of ["first_name", "last_name", "address_1", "address_2", "city"] as const) {
    if (input[key].length > 120) errors[key] = "Keep this under 120 characters"
  }
  if (cc === "in") {
    if (!/^[1-9]\d{5}$/.test(input.postal_code.trim())) errors.postal_code = "Enter a 6-digit pincode"
    if (!/^\+91[6-9]\d{9}$/.test(normalisePhone(input.phone, cc))) errors.phone = "Enter a 10-digit mobile number"
    if (!INDIAN_STATES.includes(input.province)) errors.province = "Choose your state"
  } else if (cc === "us") {
    if (!/^\d{5}(-\d{4})?$/.test(input.postal_code.trim())) errors.postal_code = "Enter a 5-digit ZIP code"
    if (!/^\+1[2-9]\d{9}$/.test(normalisePhone(input.phone, cc))) errors.phone = "Enter a 10-digit phone number"
    if (!US_STATES.includes(input.province)) errors.province = "Choose your state"
  } else if (!input.postal_code.trim()) {
    errors.postal_code = "Enter your postal code"
  }
  return errors
}
