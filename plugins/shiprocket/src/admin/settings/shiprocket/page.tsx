/**
 * Settings > Shiprocket: the connection (and a live test), the tracking webhook to register
 * in Shiprocket's panel, the default package, and the shipments whose booking failed.
 */
import type { SettingConfig, SettingProps } from "@medusajs/admin"
import { ArrowLeft, RocketLaunch } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { ConnectionSection } from "../../components/connection-section"
import { FailedShipmentsSection } from "../../components/failed-shipments"
import { PackageSection } from "../../components/package-section"
import { ErrorNote, Loading } from "../../components/ui"
import { WebhookSection } from "../../components/webhook-section"
import { errorMessage, useShiprocketSettings } from "../../lib/api"

const ShiprocketSettingsPage = ({ notify }: SettingProps) => {
  const { data: settings, isLoading, isError, error, refetch } = useShiprocketSettings()

  // One grid column that may shrink below its content: wide tables scroll in their card instead of widening the page.
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-y-4 pb-8" data-testid="shiprocket-settings">
      <Link to="/a/settings" className="txt-compact-small text-ui-fg-subtle hover:text-ui-fg-base flex w-fit items-center gap-x-1">
        <ArrowLeft /> Back to settings
      </Link>
      <Container>
        <Heading level="h1">Shiprocket</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Courier rates and delivery dates, shipments booked from the supplier's door, tracking and returns.
        </Text>
      </Container>

      {isLoading ? (
        <Container>
          <Loading label="Loading Shiprocket settings…" />
        </Container>
      ) : isError || !settings ? (
        <Container>
          <ErrorNote
            title="Could not load the Shiprocket settings"
            message={errorMessage(error)}
            action={
              <Button size="small" variant="secondary" onClick={() => refetch()}>
                Try again
              </Button>
            }
          />
        </Container>
      ) : (
        <>
          <ConnectionSection settings={settings} />
          <WebhookSection settings={settings} notify={notify} />
          <PackageSection settings={settings} notify={notify} />
        </>
      )}
      <FailedShipmentsSection notify={notify} />
    </div>
  )
}

export const config: SettingConfig = {
  card: {
    label: "Shiprocket",
    description: "Courier rates, shipments, tracking",
    icon: RocketLaunch,
  },
}

export default ShiprocketSettingsPage
