/**
 * Settings: whether the Shiprocket API user is configured, with which account, the default
 * pickup location, and a live "Test connection" (token expiry and the pickup locations
 * registered at Shiprocket, or the error).
 */
import { Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useAdminCustomPost } from "medusa-react"
import { useState } from "react"
import { errorMessage } from "../lib/api"
import { formatDateTime, relativeTime } from "../lib/format"
import type { ShiprocketSettings, TestConnectionResult } from "../lib/types"
import { ErrorNote, Facts, Note, Pill, ToneLine } from "./ui"

const sameName = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase()

const TestResult = ({ result, defaultPickup }: { result: TestConnectionResult; defaultPickup: string | null }) => {
  if (!result.ok) return <ErrorNote title="Connection failed" message={result.error || "Shiprocket did not say why."} />
  const locations = result.pickup_locations ?? []
  const defaultMissing = !!defaultPickup && locations.length > 0 && !locations.some((l) => sameName(l.pickup_location, defaultPickup))
  return (
    <div className="flex flex-col gap-y-3" data-testid="test-connection-result">
      <ToneLine tone="green">
        Connected. The API token is valid until {formatDateTime(result.token_expires_at)}
        {relativeTime(result.token_expires_at) && ` (${relativeTime(result.token_expires_at)})`}.
      </ToneLine>
      {locations.length === 0 ? (
        <ErrorNote
          title="No pickup locations"
          message="The account has no pickup location yet: add one in Shiprocket › Settings › Pickup addresses before shipments can be booked."
        />
      ) : (
        <div>
          <Text size="small" weight="plus" className="mb-1">
            Pickup locations registered at Shiprocket
          </Text>
          <div className="-mx-8 overflow-x-auto">
            <Table data-testid="pickup-locations">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Pickup location</Table.HeaderCell>
                  <Table.HeaderCell>Pincode</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {locations.map((l, i) => (
                  <Table.Row key={`${l.pickup_location}-${i}`}>
                    <Table.Cell>
                      <div className="flex items-center gap-x-2">
                        <span className="text-ui-fg-base">{l.pickup_location}</span>
                        {sameName(l.pickup_location, defaultPickup) && <Pill color="blue">Default</Pill>}
                      </div>
                    </Table.Cell>
                    <Table.Cell className="font-mono">{l.pin_code ?? "–"}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </div>
      )}
      {defaultMissing && (
        <ErrorNote
          title="Default pickup location not found"
          message={`“${defaultPickup}” is not among the account's pickup locations: bookings that fall back to it will fail until it is added in Shiprocket or the default is changed.`}
        />
      )}
    </div>
  )
}

export const ConnectionSection = ({ settings }: { settings: ShiprocketSettings }) => {
  const test = useAdminCustomPost<Record<string, never>, TestConnectionResult>("/shiprocket/test-connection", [])
  const [result, setResult] = useState<TestConnectionResult | null>(null)
  const [requestError, setRequestError] = useState<string | null>(null)

  const runTest = () => {
    setResult(null)
    setRequestError(null)
    test.mutate({} as never, {
      onSuccess: (res) => setResult({ ...res } as TestConnectionResult),
      onError: (e) => setRequestError(errorMessage(e)),
    })
  }

  return (
    <Container data-testid="shiprocket-connection">
      <div className="mb-4 flex items-start justify-between gap-x-4">
        <div>
          <Heading level="h2">Connection</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            The Shiprocket API user the store books and tracks shipments with.
          </Text>
        </div>
        <Button
          size="small"
          variant="secondary"
          className="shrink-0"
          onClick={runTest}
          isLoading={test.isLoading}
          disabled={!settings.configured}
          title={settings.configured ? undefined : "Configure the API user first"}
        >
          Test connection
        </Button>
      </div>
      <div className="flex flex-col gap-y-4">
        <Facts
          items={[
            {
              label: "Status",
              value: settings.configured ? <Pill color="green">Configured</Pill> : <Pill color="grey">Not configured</Pill>,
            },
            { label: "Account email", value: settings.account_email ?? "–" },
            { label: "API URL", value: settings.api_url || "–", mono: true },
            { label: "Default pickup location", value: settings.default_pickup_location ?? "–" },
          ]}
          data-testid="connection-facts"
        />
        {!settings.configured && (
          <Note>
            Set SHIPROCKET_EMAIL and SHIPROCKET_PASSWORD on the server (an API user from Shiprocket › Settings › API, without MFA) and restart it.
            Until then nothing is booked with Shiprocket.
          </Note>
        )}
        {settings.configured && !settings.default_pickup_location && (
          <Note>No default pickup location is set: shipments need a pickup location from their supplier.</Note>
        )}
        {requestError && <ErrorNote title="Could not test the connection" message={requestError} />}
        {result && <TestResult result={result} defaultPickup={settings.default_pickup_location} />}
      </div>
    </Container>
  )
}
