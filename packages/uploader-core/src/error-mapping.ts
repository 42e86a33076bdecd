import { isRetryableStatus, parseJson } from './http.js'
import type { ErrorFactory } from './localize.js'
import { parseRetryAfter } from './retry-policy.js'
import type { UploadErrorCode, UploadResult } from './types.js'
import type { UploadError } from './upload-error.js'

/** What the transport hands back for one attempt. */
export type TransportOutcome =
  | { kind: 'response'; status: number; text: string; header: (name: string) => string | null }
  | { kind: 'network' }
  | { kind: 'timeout' }
  | { kind: 'aborted' }

export type MappedOutcome =
  | { ok: true; result: UploadResult }
  | { ok: true; accepted: string }
  | { ok: false; error: UploadError }

/** ImageKit's messages, matched in order (exact strings in reference/imagekit-upload-api.md §2–3). */
const MESSAGE_RULES: ReadonlyArray<readonly [RegExp, UploadErrorCode]> = [
  [/been used before/i, 'TOKEN_REUSED'],
  // a transient 400 in ImageKit's OpenAPI spec (v1.0.0.yaml, upload 400 examples): wait and try again
  [/too many requests to update the file recently/i, 'RATE_LIMITED'],
  [/invalid expire parameter|expired token/i, 'SIGNATURE_EXPIRED'],
  [/invalid (signature|token|payload)|missing (token|signature|expire)/i, 'INVALID_SIGNATURE'],
  [/extensions quota/i, 'INVALID_REQUEST'],
  [/(storage|upload) limit|limit exceeded/i, 'STORAGE_LIMIT_EXCEEDED'],
  [/file size exceeds/i, 'FILE_TOO_LARGE'],
  [/already exists at the exact location/i, 'FILE_EXISTS'],
  [/failed 'checks' validation/i, 'CHECKS_FAILED'],
  [/expired .*key/i, 'KEY_EXPIRED'],
  [/account is disabled/i, 'ACCOUNT_DISABLED'],
  [/cannot be authenticated/i, 'AUTHENTICATION_FAILED'],
  [/permission|media access|not authorized/i, 'PERMISSION_DENIED'],
]

/**
 * ImageKit's request id (`x-ik-requestid`, also sent as `x-request-id`), or undefined when the
 * answer has none: a gateway error page, or a browser that may not read it (ImageKit sends no
 * Access-Control-Expose-Headers). Blank values count as none, so no message ends in an empty id.
 */
export function readRequestId(header: (name: string) => string | null): string | undefined {
  for (const name of ['x-ik-requestid', 'x-request-id']) {
    const id = header(name)?.trim()
    if (id) return id
  }
  return undefined
}

function codeForStatus(status: number, message: string): UploadErrorCode {
  for (const [pattern, code] of MESSAGE_RULES) if (pattern.test(message)) return code
  if (status === 408) return 'TIMEOUT'
  if (status === 429) return 'RATE_LIMITED'
  if (status >= 500) return 'SERVER_ERROR'
  if (status === 401 || status === 403) return 'AUTHENTICATION_FAILED'
  return 'INVALID_REQUEST'
}

/** Turns one attempt's outcome into a result or a coded, localised UploadError. */
export function mapOutcome(outcome: TransportOutcome, makeError: ErrorFactory, now: number): MappedOutcome {
  if (outcome.kind === 'network') return { ok: false, error: makeError('NETWORK_ERROR', { retryable: true }) }
  if (outcome.kind === 'timeout') return { ok: false, error: makeError('TIMEOUT', { retryable: true }) }
  if (outcome.kind === 'aborted') return { ok: false, error: makeError('ABORTED') }
  const { status, text, header } = outcome
  const body = parseJson(text) as Record<string, unknown> | undefined
  const requestId = readRequestId(header)
  // 202: "The pre-transformation has been queued successfully." (OpenAPI v1.0.0.yaml, upload responses)
  if (status === 202 && body && typeof body === 'object')
    return { ok: true, accepted: typeof body.message === 'string' ? body.message : '' }
  // a 200 must carry ImageKit's record: at least a fileId and a url (the spec's `Upload` schema)
  if (
    status >= 200 &&
    status < 300 &&
    body &&
    typeof body.fileId === 'string' &&
    typeof body.url === 'string'
  ) {
    return { ok: true, result: body as unknown as UploadResult }
  }
  const serverMessage = typeof body?.message === 'string' ? body.message : undefined
  const code = status >= 200 && status < 300 ? 'SERVER_ERROR' : codeForStatus(status, serverMessage ?? '')
  const retryable = isRetryableStatus(status) || code === 'RATE_LIMITED'
  const retryAfterMs = retryable ? parseRetryAfter(header, now) : undefined
  const detail = serverMessage ?? `HTTP ${status}`
  return {
    ok: false,
    error: makeError(code, { status, requestId, retryable, serverMessage: detail, retryAfterMs }),
  }
}
