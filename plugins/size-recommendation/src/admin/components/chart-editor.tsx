/**
 * The size chart editor: a table whose rows are sizes and whose columns are measurements,
 * each cell a min-max range in cm with the same range in inches beside it (read-only), plus
 * text columns such as UK or US sizes, and notes. Sizes and columns can be added, renamed and
 * removed. The server validates (src/core/size-chart.ts); its message is shown next to the
 * form and each problem is placed on the cell, size or column it names.
 */
import { Button, IconButton, Input, Text, Textarea, clx } from "@medusajs/ui"
import { Plus, Trash, XMarkMini } from "@medusajs/icons"
import { useState, type ReactNode } from "react"
import { errorMessage } from "../lib/api"
import {
  LIMITS,
  addColumn,
  addRow,
  columnNameProblem,
  formToBody,
  mapProblems,
  rangeInInches,
  sameForm,
  type ChartForm,
  type ColumnKind,
  type EditorColumn,
  type ProblemMap,
} from "../lib/chart"
import type { SizeChartBody } from "../lib/types"
import { ErrorNote, Field, NativeSelect, Spinner } from "./ui"

export type ChartContent = Pick<SizeChartBody, "measurements" | "rows" | "notes">

const CellError = ({ message }: { message?: string }) =>
  message ? (
    <Text size="xsmall" className="text-ui-fg-error mt-1 max-w-[220px] whitespace-normal break-words" data-testid="cell-error">
      {message}
    </Text>
  ) : null

const inputClass = (invalid: boolean) => clx("w-[60px]", invalid && "!shadow-borders-error")

export const ChartEditor = ({
  initial,
  save,
  onCancel,
  onSaved,
  submitLabel = "Save chart",
  canSave = true,
  requireChange = false,
  children,
}: {
  initial: ChartForm
  /** sends the chart; rejects with the server's error */
  save: (content: ChartContent) => Promise<unknown>
  onCancel: () => void
  onSaved?: () => void
  submitLabel?: string
  /** false while something outside the table (the category) is still missing */
  canSave?: boolean
  /** editing a saved chart: Save stays off until something changed */
  requireChange?: boolean
  /** fields above the table, e.g. the category of a new chart */
  children?: ReactNode
}) => {
  const [form, setForm] = useState<ChartForm>(initial)
  const [saving, setSaving] = useState(false)
  const [serverError, setServerError] = useState<string | null>(null)
  const [problems, setProblems] = useState<ProblemMap | null>(null)
  const [newName, setNewName] = useState("")
  const [newKind, setNewKind] = useState<ColumnKind>("range")
  const [newColumnError, setNewColumnError] = useState<string | null>(null)

  const rangeColumns = form.columns.filter((c) => c.kind === "range")
  const unchanged = sameForm(form, initial)

  /** An edited cell's problem is the merchant's to fix: its mark goes, the message above stays until the next save. */
  const clearCell = (key: string) =>
    setProblems((p) => {
      if (!p || !(key in p.cells)) return p
      const cells = { ...p.cells }
      delete cells[key]
      return { ...p, cells }
    })

  const setSize = (rowId: string, size: string) => {
    setForm((f) => ({ ...f, rows: f.rows.map((r) => (r.id === rowId ? { ...r, size } : r)) }))
    clearCell(`${rowId}:size`)
  }
  const setRange = (rowId: string, colId: string, end: "min" | "max", value: string) => {
    setForm((f) => ({
      ...f,
      rows: f.rows.map((r) => (r.id === rowId ? { ...r, ranges: { ...r.ranges, [colId]: { ...(r.ranges[colId] ?? { min: "", max: "" }), [end]: value } } } : r)),
    }))
    clearCell(`${rowId}:${colId}`)
  }
  const setText = (rowId: string, colId: string, value: string) => {
    setForm((f) => ({ ...f, rows: f.rows.map((r) => (r.id === rowId ? { ...r, texts: { ...r.texts, [colId]: value } } : r)) }))
    clearCell(`${rowId}:${colId}`)
  }
  const renameColumn = (colId: string, name: string) => setForm((f) => ({ ...f, columns: f.columns.map((c) => (c.id === colId ? { ...c, name } : c)) }))
  const removeColumn = (colId: string) => setForm((f) => ({ ...f, columns: f.columns.filter((c) => c.id !== colId) }))
  const removeRow = (rowId: string) => setForm((f) => ({ ...f, rows: f.rows.filter((r) => r.id !== rowId) }))

  const addNewColumn = () => {
    const problem = columnNameProblem(form, newName)
    if (!problem && newKind === "range" && rangeColumns.length >= LIMITS.measurements) {
      setNewColumnError(`A chart lists at most ${LIMITS.measurements} measurements`)
      return
    }
    if (problem) {
      setNewColumnError(problem)
      return
    }
    setForm((f) => addColumn(f, newName, newKind))
    setNewName("")
    setNewColumnError(null)
  }

  const submit = async () => {
    if (saving || !canSave) return
    setSaving(true)
    setServerError(null)
    setProblems(null)
    // The rows and columns as sent, so the server's rows.N and measurements.N point at them.
    const sent = form
    try {
      await save(formToBody(sent))
      onSaved?.()
    } catch (e) {
      const message = errorMessage(e)
      setServerError(message)
      setProblems(mapProblems(message, sent))
    } finally {
      setSaving(false)
    }
  }

  const cellError = (key: string) => problems?.cells[key]
  const columnHeader = (c: EditorColumn) => {
    const error = problems?.columns[c.id]
    return (
      <th key={c.id} className="border-ui-border-base border-b px-2 py-2 text-left align-top font-normal" data-column={c.name}>
        <div className="flex items-center gap-x-1">
          <Input
            size="small"
            aria-label={`Name of the ${c.kind === "range" ? "measurement" : "text"} column ${c.name || "(unnamed)"}`}
            value={c.name}
            onChange={(e) => renameColumn(c.id, e.target.value)}
            className={clx(c.kind === "range" ? "w-[104px]" : "w-[80px]", error && "!shadow-borders-error")}
            aria-invalid={!!error}
          />
          <IconButton size="small" variant="transparent" type="button" aria-label={`Remove column ${c.name}`} onClick={() => removeColumn(c.id)}>
            <XMarkMini />
          </IconButton>
        </div>
        <Text size="xsmall" className="text-ui-fg-subtle mt-1">
          {c.kind === "range" ? "min – max, cm" : "text"}
        </Text>
        <CellError message={error} />
      </th>
    )
  }

  return (
    <form
      noValidate
      className="flex flex-col gap-y-4"
      data-testid="size-chart-editor"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      {children}

      <div className="-mx-2 overflow-x-auto">
        <table className="txt-compact-small min-w-full border-separate border-spacing-0" data-testid="size-chart-table">
          <thead>
            <tr>
              <th className="border-ui-border-base border-b px-2 py-2 text-left align-top font-normal">
                <Text size="small" weight="plus" className="pt-1.5">
                  Size
                </Text>
              </th>
              {form.columns.map(columnHeader)}
              <th className="border-ui-border-base border-b px-2 py-2" />
            </tr>
          </thead>
          <tbody>
            {form.rows.map((row, i) => {
              const rowLabel = row.size.trim() || `row ${i + 1}`
              const rowError = cellError(row.id)
              return (
                <tr key={row.id} data-row={i} data-size={row.size.trim()}>
                  <td className="border-ui-border-base border-b px-2 py-2 align-top">
                    <Input
                      size="small"
                      aria-label={`Size label of ${rowLabel}`}
                      value={row.size}
                      maxLength={LIMITS.size + 10}
                      onChange={(e) => setSize(row.id, e.target.value)}
                      className={clx("w-[72px]", cellError(`${row.id}:size`) && "!shadow-borders-error")}
                      aria-invalid={!!cellError(`${row.id}:size`)}
                    />
                    <CellError message={cellError(`${row.id}:size`) ?? rowError} />
                  </td>
                  {form.columns.map((c) => {
                    const key = `${row.id}:${c.id}`
                    const error = cellError(key)
                    if (c.kind === "text") {
                      return (
                        <td key={c.id} className="border-ui-border-base border-b px-2 py-2 align-top" data-column={c.name}>
                          <Input
                            size="small"
                            aria-label={`${c.name} of ${rowLabel}`}
                            value={row.texts[c.id] ?? ""}
                            onChange={(e) => setText(row.id, c.id, e.target.value)}
                            className={clx("w-[88px]", error && "!shadow-borders-error")}
                            aria-invalid={!!error}
                          />
                          <CellError message={error} />
                        </td>
                      )
                    }
                    const cell = row.ranges[c.id] ?? { min: "", max: "" }
                    return (
                      <td key={c.id} className="border-ui-border-base border-b px-2 py-2 align-top" data-column={c.name} data-invalid={error ? "true" : undefined}>
                        <div className="flex items-center gap-x-1">
                          <Input
                            size="small"
                            inputMode="decimal"
                            data-end="min"
                            aria-label={`${c.name} min of ${rowLabel} (cm)`}
                            value={cell.min}
                            onChange={(e) => setRange(row.id, c.id, "min", e.target.value)}
                            className={inputClass(!!error)}
                            aria-invalid={!!error}
                          />
                          <span className="text-ui-fg-muted">–</span>
                          <Input
                            size="small"
                            inputMode="decimal"
                            data-end="max"
                            aria-label={`${c.name} max of ${rowLabel} (cm)`}
                            value={cell.max}
                            onChange={(e) => setRange(row.id, c.id, "max", e.target.value)}
                            className={inputClass(!!error)}
                            aria-invalid={!!error}
                          />
                        </div>
                        <Text size="xsmall" className="text-ui-fg-subtle mt-1 tabular-nums" data-testid="inches">
                          {rangeInInches(cell) || "\u00a0"}
                        </Text>
                        <CellError message={error} />
                      </td>
                    )
                  })}
                  <td className="border-ui-border-base border-b px-2 py-2 text-right align-top">
                    <IconButton size="small" variant="transparent" type="button" aria-label={`Remove size ${rowLabel}`} onClick={() => removeRow(row.id)}>
                      <Trash />
                    </IconButton>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>

      <div className="flex flex-wrap items-end justify-between gap-4">
        <Button
          size="small"
          variant="secondary"
          type="button"
          disabled={form.rows.length >= LIMITS.rows}
          onClick={() => setForm((f) => addRow(f))}
          title={form.rows.length >= LIMITS.rows ? `A chart has at most ${LIMITS.rows} sizes` : undefined}
        >
          <Plus /> Add size
        </Button>
        <div className="flex flex-wrap items-end gap-2">
          <Field label="New column" htmlFor="size-chart-new-column" error={newColumnError ?? undefined}>
            <Input
              id="size-chart-new-column"
              size="small"
              placeholder={newKind === "range" ? "e.g. shoulder" : "e.g. uk"}
              value={newName}
              onChange={(e) => {
                setNewName(e.target.value)
                setNewColumnError(null)
              }}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault()
                  addNewColumn()
                }
              }}
              className="w-[160px]"
            />
          </Field>
          <NativeSelect aria-label="Kind of the new column" value={newKind} onChange={(e) => setNewKind(e.target.value as ColumnKind)}>
            <option value="range">Measurement (cm range)</option>
            <option value="text">Text (e.g. UK size)</option>
          </NativeSelect>
          <Button size="small" variant="secondary" type="button" onClick={addNewColumn}>
            <Plus /> Add column
          </Button>
        </div>
      </div>

      <Field
        label="Notes"
        htmlFor="size-chart-notes"
        hint={`Shown under the chart on the product page, e.g. how to measure (at most ${LIMITS.notes.toLocaleString("en-IN")} characters).`}
        error={problems?.notes}
      >
        <Textarea
          id="size-chart-notes"
          rows={3}
          value={form.notes}
          aria-invalid={!!problems?.notes}
          onChange={(e) => setForm((f) => ({ ...f, notes: e.target.value }))}
        />
      </Field>

      {serverError && (
        <ErrorNote title="Not saved" message={serverError} data-testid="size-chart-error" />
      )}

      <div className="flex items-center justify-end gap-x-2">
        {saving && (
          <span className="flex items-center gap-x-2" aria-live="polite">
            <Spinner />
            <Text size="small" className="text-ui-fg-subtle">
              Saving…
            </Text>
          </span>
        )}
        <Button size="small" variant="secondary" type="button" disabled={saving} onClick={onCancel}>
          Cancel
        </Button>
        <Button size="small" variant="primary" type="submit" isLoading={saving} disabled={!canSave || (requireChange && unchanged)}>
          {submitLabel}
        </Button>
      </div>
    </form>
  )
}

