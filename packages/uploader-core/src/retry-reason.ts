import type { FileError, RetryReason } from './types.js'

/**
 * Why a failed attempt is retried, from its error: what the widgets say while the file waits. 429 and
 * 503 mean "busy" (imagekit-upload-api.md §errors: 429 rate limit, 500/502/503/504; DESIGN.md §3 retry
 * policy); a TIMEOUT with no HTTP status is the stall timeout (transport-xhr.ts), not a 408.
 */
export function retryReason(error: FileError, offline: boolean): RetryReason {
  const { code, status } = error
  if (offline) return 'offline'
  if (code === 'RATE_LIMITED' || status === 429 || status === 503) return 'server-busy'
  if (code === 'NETWORK_ERROR') return 'network'
  if (code === 'TIMEOUT' && status === undefined) return 'stalled'
  if (code === 'SIGNATURE_EXPIRED' || code === 'TOKEN_REUSED') return 'signature'
  return 'server-error'
}
