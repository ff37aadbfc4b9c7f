/**
 * CSV import of variant -> supplier mappings: check first (dry run, per-line errors),
 * then import. The API takes the CSV text as it is and converts cost_price itself; it
 * imports all rows or none, and answers 422 with the per-line errors when any row is bad.
 */
import { Button, Code, Container, Heading, Table, Text, Textarea } from "@medusajs/ui"
import { useRef, useState } from "react"
import { errorMessage, usePluginPost, type ImportRequest } from "../lib/api"
import type { ImportResult } from "../lib/types"
import type { Notify } from "./supplier-order-card"
import { ErrorNote } from "./ui"

const EXAMPLE = `sku,supplier_code,supplier_sku,cost_price
BCD-001-BLACK-S,SURAT-API,SSH-1042-S,450.00
BCD-001-BLACK-M,SURAT-API,SSH-1042-M,450.00
CRP-004-WHITE-M,JAIPUR-EMAIL,JBT-77,1299.50`

/** Files larger than this are not read into the page (the API has its own limit). */
const MAX_FILE_BYTES = 2 * 1024 * 1024

export const MappingImportSection = ({ notify }: { notify: Notify }) => {
  const [csv, setCsv] = useState("")
  const [fileName, setFileName] = useState<string | null>(null)
  const [result, setResult] = useState<(ImportResult & { checked: string; dryRun: boolean }) | null>(null)
  const [error, setError] = useState<string | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const post = usePluginPost<ImportRequest, ImportResult>("/supplier-mappings/import")

  const run = (dryRun: boolean) => {
    setError(null)
    const text = csv
    post.mutate(
      { csv: text, dry_run: dryRun },
      {
        onSuccess: (res) => {
          setResult({ rows: res.rows, imported: res.imported, errors: res.errors ?? [], checked: text, dryRun })
          if (!dryRun) notify.success("Mappings imported", `${res.imported} of ${res.rows} row(s) imported`)
        },
        onError: (e) => {
          // 422: the CSV was read and some rows are wrong; the body lists them by line.
          const body = (e as { response?: { status?: number; data?: Partial<ImportResult> } }).response?.data
          if (body && Array.isArray(body.errors)) {
            setResult({ rows: body.rows ?? 0, imported: body.imported ?? 0, errors: body.errors, checked: text, dryRun })
          } else {
            setResult(null)
            setError(errorMessage(e))
          }
        },
      }
    )
  }

  const onFile = (file: File | undefined) => {
    if (!file) return
    if (file.size > MAX_FILE_BYTES) {
      setError(`${file.name} is larger than 2 MB: split it into smaller files.`)
      return
    }
    const reader = new FileReader()
    reader.onload = () => {
      setCsv(String(reader.result ?? ""))
      setFileName(file.name)
      setResult(null)
      setError(null)
    }
    reader.onerror = () => setError(`Could not read ${file.name}`)
    reader.readAsText(file)
  }

  const checkedCurrent = result && result.checked === csv && result.dryRun
  const checkedClean = !!checkedCurrent && result.errors.length === 0 && result.rows > 0
  const importedCurrent = result && result.checked === csv && !result.dryRun
  const lines = csv.split(/\r?\n/).filter((l) => l.trim()).length

  return (
    <Container className="grid grid-cols-[minmax(0,1fr)]" data-testid="mapping-import">
      <div className="mb-4">
        <Heading level="h2">Import product mappings (CSV)</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Map many variants to suppliers at once. One row per variant, with a header row:
        </Text>
      </div>
      <div className="mb-4 flex flex-col gap-y-2">
        <Code className="w-fit">sku,supplier_code,supplier_sku,cost_price</Code>
        <ul className="txt-compact-small text-ui-fg-subtle ml-4 list-disc">
          <li>
            <b>sku</b>: our variant SKU, as on the product page
          </li>
          <li>
            <b>supplier_code</b>: the supplier's code from the list above, e.g. SURAT-API
          </li>
          <li>
            <b>supplier_sku</b>: the supplier's own SKU for that item
          </li>
          <li>
            <b>cost_price</b>: what the supplier charges us per unit, in rupees (or dollars) with decimals, e.g. 450 or 450.50
          </li>
          <li>
            <b>currency_code</b> (optional column): inr when left out
          </li>
        </ul>
        <Text size="xsmall" className="text-ui-fg-subtle">
          A variant already mapped gets the new supplier, SKU and cost. Check the file first: nothing is saved until you import, and
          the import takes all rows or none.
        </Text>
      </div>

      <div className="mb-2 flex flex-wrap items-center gap-2">
        <input ref={fileInput} type="file" accept=".csv,text/csv,text/plain" className="hidden" data-testid="csv-file" onChange={(e) => onFile(e.target.files?.[0])} />
        <Button size="small" variant="secondary" type="button" onClick={() => fileInput.current?.click()}>
          Choose CSV file
        </Button>
        <Text size="small" className="text-ui-fg-subtle">
          {fileName ? `${fileName} (${lines} lines)` : "or paste the CSV below"}
        </Text>
        {!csv && (
          <Button size="small" variant="transparent" type="button" onClick={() => setCsv(EXAMPLE)}>
            Insert example
          </Button>
        )}
      </div>
      <Textarea
        aria-label="CSV"
        rows={8}
        className="font-mono"
        placeholder={EXAMPLE}
        value={csv}
        onChange={(e) => {
          setCsv(e.target.value)
          setFileName(null)
        }}
      />

      <div className="mt-3 flex flex-wrap items-center gap-2">
        <Button size="small" variant="secondary" disabled={!csv.trim() || post.isLoading} isLoading={post.isLoading && !checkedCurrent} onClick={() => run(true)}>
          Check (dry run)
        </Button>
        <Button size="small" variant="primary" disabled={!checkedClean || post.isLoading} isLoading={post.isLoading && checkedClean} onClick={() => run(false)}>
          {checkedClean ? `Import ${result.rows} row(s)` : "Import"}
        </Button>
        {!checkedCurrent && csv.trim() && !importedCurrent && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            Check the CSV first; import is enabled after a check without errors.
          </Text>
        )}
      </div>

      {error && (
        <div className="mt-3">
          <ErrorNote title="The CSV was not accepted" message={error} />
        </div>
      )}

      {result && result.checked === csv && (
        <div className="mt-4 flex flex-col gap-y-2" data-testid="import-result">
          <Text size="small" weight="plus">
            {result.errors.length
              ? `${result.rows} row(s), ${result.errors.length} problem(s): fix them and check again. Nothing was imported.`
              : result.dryRun
                ? `${result.rows} row(s), no problems: ready to import.`
                : `Imported: ${result.imported} variant mapping(s) saved.`}
          </Text>
          {result.errors.length > 0 && (
            <div className="-mx-8 max-h-[320px] overflow-y-auto">
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell className="w-[80px]">Line</Table.HeaderCell>
                    <Table.HeaderCell>Problem</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {result.errors.map((e, i) => (
                    <Table.Row key={`${e.line}-${i}`}>
                      <Table.Cell>{e.line}</Table.Cell>
                      <Table.Cell className="text-ui-fg-error">{e.message}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
        </div>
      )}
    </Container>
  )
}
