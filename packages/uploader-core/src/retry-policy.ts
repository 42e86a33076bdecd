import type { RetryOptions, UploadErrorCode } from './types.js'

/** Retry options with every default filled in. */
export type ResolvedRetry = Required<RetryOptions>

export const defaultRetry: ResolvedRetry = {
  limit: 5,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
  jitter: true,
}

export function resolveRetry(options: RetryOptions | false | undefined): ResolvedRetry {
  if (options === false) return { ...defaultRetry, limit: 0 }
  const out: Record<string, unknown> = { ...defaultRetry }
  for (const [key, value] of Object.entries(options ?? {})) if (value !== undefined) out[key] = value
  return out as ResolvedRetry
}

/** What failed, as far as the policy cares. */
export interface FailureInfo {
  code: UploadErrorCode
  retryable: boolean
  retryAfterMs?: number | undefined
}

/** Where the file stands in its budget. */
export interface BudgetState {
  /** Failures counted since the budget last reset. */
  failures: number
  /** Re-signs so far (after an expired signature or a spent token): the first is free, later ones count. */
  resigns: number
  /** Whether the last failure already asked for a re-sign: two in a row means the route signs badly. */
  lastResigned: boolean
}

export type RetryDecision = { action: 'stop' } | { action: 'resign' } | { action: 'retry'; delayMs: number }

const RESIGN_CODES: ReadonlySet<UploadErrorCode> = new Set(['SIGNATURE_EXPIRED', 'TOKEN_REUSED'])

/**
 * The whole policy: retry network errors, timeouts, 408, 429 and 5xx (flagged `retryable` by the
 * error mapping) with capped exponential backoff and full jitter, honouring the server's wait;
 * an immediate re-sign for each attempt refused for an expired signature or a spent token (Chromium
 * replays a cut POST with its token, so this can happen after every cut), every one after the first
 * counted in the budget, but never twice in a row; never a user abort, never other 4xx.
 */
export function decideRetry(
  failure: FailureInfo,
  budget: BudgetState,
  options: ResolvedRetry,
  random: () => number,
): RetryDecision {
  if (failure.code === 'ABORTED') return { action: 'stop' }
  if (RESIGN_CODES.has(failure.code)) {
    const spent = budget.lastResigned || (budget.resigns > 0 && budget.failures >= options.limit)
    return spent ? { action: 'stop' } : { action: 'resign' }
  }
  if (!failure.retryable || budget.failures >= options.limit) return { action: 'stop' }
  return { action: 'retry', delayMs: retryDelay(budget.failures + 1, failure.retryAfterMs, options, random) }
}

/** Delay before retry number `retry` (1-based). A server-announced wait wins, capped by maxRetryAfterMs. */
export function retryDelay(
  retry: number,
  retryAfterMs: number | undefined,
  options: ResolvedRetry,
  random: () => number,
): number {
  if (retryAfterMs !== undefined && retryAfterMs >= 0) return Math.min(retryAfterMs, options.maxRetryAfterMs)
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1))
  return Math.round(options.jitter ? random() * ceiling : ceiling)
}

/**
 * Reads the wait a server announced: `X-RateLimit-Reset` (milliseconds, ImageKit) or
 * `Retry-After` (seconds or an HTTP date). Returns undefined when neither is usable.
 */
export function parseRetryAfter(header: (name: string) => string | null, now: number): number | undefined {
  const reset = header('x-ratelimit-reset')
  if (reset !== null && reset.trim() !== '' && Number.isFinite(Number(reset)))
    return Math.max(0, Number(reset))
  const after = header('retry-after')
  if (after === null || after.trim() === '') return undefined
  if (/^\d+(\.\d+)?$/.test(after.trim())) return Number(after) * 1000
  const date = Date.parse(after)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
