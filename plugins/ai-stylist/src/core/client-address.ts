// Whose request this is: shared with the backend's store rate limits (packages/plugin-kit).
export { clientAddress, isPrivateAddress } from "@fashion/plugin-kit/client-address"
