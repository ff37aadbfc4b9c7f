/** A labelled input with its error under it, wired for screen readers. */
export function Field({
  name,
  label,
  error,
  className = "",
  hint,
  ...input
}: { name: string; label: string; error?: string | null; hint?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = input.id ?? `field-${name}`
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined
  return (
    <div className={className}>
      <label htmlFor={id} className="field-label">
        {label}
        {input.required ? null : <span className="font-normal text-muted"> (optional)</span>}
      </label>
      <input id={id} name={name} className="field" aria-invalid={Boolean(error)} aria-describedby={describedBy} {...input} />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  )
}

export function SelectField({
  name,
  label,
  error,
  options,
  className = "",
  ...select
}: { name: string; label: string; error?: string | null; options: { value: string; label: string }[] } & React.SelectHTMLAttributes<HTMLSelectElement>) {
  const id = select.id ?? `field-${name}`
  return (
    <div className={className}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select id={id} name={name} className="field" aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  )
}

export function FormError({ message }: { message?: string | null }) {
  return (
    <div role="alert" aria-live="assertive">
      {message ? <p className="rounded-lg border border-sale/30 bg-sale/5 p-3 text-sm text-sale">{message}</p> : null}
    </div>
  )
}
