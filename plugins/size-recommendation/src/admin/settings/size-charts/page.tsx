/**
 * Settings > Size charts: every size chart (create, edit, delete a category's chart; edit or
 * delete a product's) and the size model that learns from fit reviews (state, Retrain now).
 */
import type { SettingConfig, SettingProps } from "@medusajs/admin"
import { ArrowLeft, Swatch } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { ChartsSection } from "../../components/charts-section"
import { ModelSection } from "../../components/model-section"

const SizeChartsSettingsPage = ({ notify }: SettingProps) => {
  // One grid column that may shrink below its content: wide tables scroll in their card instead of widening the page.
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-y-4 pb-8" data-testid="size-charts-settings">
      <Link to="/a/settings" className="txt-compact-small text-ui-fg-subtle hover:text-ui-fg-base flex w-fit items-center gap-x-1">
        <ArrowLeft /> Back to settings
      </Link>
      <Container>
        <Heading level="h1">Size charts</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          The measurements behind each size, shown as the Size guide on product pages and used for size advice.
        </Text>
      </Container>
      <ChartsSection notify={notify} />
      <ModelSection notify={notify} />
    </div>
  )
}

export const config: SettingConfig = {
  card: {
    label: "Size charts",
    description: "Size charts per category and product, and the size model",
    icon: Swatch,
  },
}

export default SizeChartsSettingsPage
