/** The building blocks of the plugin's settings page and product widget: the plugin kit's, and how they report. */
export { Empty, ErrorNote, Facts, Field, Loading, NativeSelect, Note, Pill, Spinner, type BadgeColor } from "@fashion/plugin-kit/admin"

export type Notify = { success: (title: string, message: string) => void; error: (title: string, message: string) => void }
