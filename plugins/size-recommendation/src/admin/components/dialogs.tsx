/** Confirmation dialog: the plugin kit's. */
export { ConfirmDialog } from "@fashion/plugin-kit/admin"
