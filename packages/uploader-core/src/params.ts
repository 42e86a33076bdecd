import type { UploadParams } from './types.js'

/**
 * Encodes upload fields the way ImageKit expects: booleans as 'true'/'false' (so `false` is sent),
 * string arrays comma-joined, objects and other arrays as JSON. `undefined`/`null` are left out.
 */
export function encodeParams(params: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(params)) {
    // always JSON, as @imagekit/javascript and @imagekit/nodejs send it (an empty list is "[]", not "")
    const encoded = key === 'extensions' && value != null ? JSON.stringify(value) : encodeValue(value)
    if (encoded !== undefined) out[key] = encoded
  }
  return out
}

function encodeValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value
  if (typeof value === 'boolean' || typeof value === 'number') return String(value)
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(',')
  return JSON.stringify(value)
}

/** Merges per-file overrides over the shared params; an explicit `undefined` does not erase. */
export function mergeParams(base: UploadParams, override: UploadParams | undefined): UploadParams {
  const merged: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(override ?? {})) {
    if (value !== undefined) merged[key] = value
  }
  return merged as UploadParams
}
