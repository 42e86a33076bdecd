/**
 * The `accept` attribute for the file input, from the engine's `allowedFileTypes` (MIME types,
 * wildcards like `image/*`, or extensions like `.pdf`). Undefined when anything is allowed.
 */
export function acceptAttribute(allowedFileTypes: readonly string[] | null | undefined): string | undefined {
  if (!allowedFileTypes || allowedFileTypes.length === 0) return undefined
  const parts = allowedFileTypes
    .map((type) => type.trim())
    .filter((type) => type === '*' || type.startsWith('.') || type.includes('/'))
  if (parts.length === 0 || parts.includes('*') || parts.includes('*/*')) return undefined
  return parts.join(',')
}
