import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  type BudgetState,
  decideRetry,
  parseRetryAfter,
  resolveRetry,
  retryDelay,
} from '../src/retry-policy.js'
import { sleep } from '../src/sleep.js'

const options = resolveRetry({ limit: 3, baseDelayMs: 100, maxDelayMs: 1000 })
const fresh = { failures: 0, resigns: 0, lastResigned: false }
const timers = {
  setTimeout: (cb: () => void, ms: number) => setTimeout(cb, ms),
  clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
}

describe('decideRetry', () => {
  it('retries retryable failures until the limit', () => {
    const failure = { code: 'SERVER_ERROR' as const, retryable: true }
    expect(decideRetry(failure, fresh, options, () => 1)).toEqual({ action: 'retry', delayMs: 100 })
    expect(decideRetry(failure, { failures: 2, resigns: 0, lastResigned: false }, options, () => 1)).toEqual({
      action: 'retry',
      delayMs: 400,
    })
    expect(decideRetry(failure, { failures: 3, resigns: 0, lastResigned: false }, options, () => 1)).toEqual({
      action: 'stop',
    })
  })

  it('never retries a user abort or a non-retryable 4xx', () => {
    expect(decideRetry({ code: 'ABORTED', retryable: true }, fresh, options, Math.random).action).toBe('stop')
    expect(
      decideRetry({ code: 'INVALID_REQUEST', retryable: false }, fresh, options, Math.random).action,
    ).toBe('stop')
    expect(
      decideRetry({ code: 'STORAGE_LIMIT_EXCEEDED', retryable: false }, fresh, options, Math.random).action,
    ).toBe('stop')
  })

  it('re-signs after each spent token or expired signature, never twice in a row, later ones within the budget', () => {
    for (const code of ['SIGNATURE_EXPIRED', 'TOKEN_REUSED'] as const) {
      const decide = (budget: Partial<BudgetState>, limit = options.limit) =>
        decideRetry({ code, retryable: false }, { ...fresh, ...budget }, { ...options, limit }, Math.random)
          .action
      expect(decide(fresh)).toBe('resign')
      expect(decide({ failures: 2, resigns: 1 })).toBe('resign') // a second cut, a second replay
      expect(decide({ failures: 1, resigns: 1, lastResigned: true })).toBe('stop') // re-signed, refused again
      expect(decide({ failures: options.limit, resigns: 1 })).toBe('stop')
      expect(decide({}, 0)).toBe('resign') // retry: false still gets the first one
      expect(decide({ failures: 1, resigns: 1 }, 0)).toBe('stop')
    }
  })

  it('honours the server-announced wait, capped', () => {
    const failure = { code: 'RATE_LIMITED' as const, retryable: true, retryAfterMs: 2500 }
    expect(decideRetry(failure, fresh, options, () => 0)).toEqual({ action: 'retry', delayMs: 2500 })
    const capped = resolveRetry({ maxRetryAfterMs: 1000 })
    expect(decideRetry(failure, fresh, capped, () => 0)).toEqual({ action: 'retry', delayMs: 1000 })
  })

  it('retry: false means no retries', () => {
    expect(
      decideRetry({ code: 'NETWORK_ERROR', retryable: true }, fresh, resolveRetry(false), Math.random).action,
    ).toBe('stop')
  })
})

describe('retryDelay', () => {
  it('is exponential, capped, with full jitter', () => {
    const noJitter = { ...options, jitter: false }
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(n, undefined, noJitter, Math.random))).toEqual([
      100, 200, 400, 800, 1000,
    ])
    expect(retryDelay(3, undefined, options, () => 0.5)).toBe(200)
    expect(retryDelay(3, undefined, options, () => 0)).toBe(0)
  })
})

describe('parseRetryAfter', () => {
  const headers = (h: Record<string, string>) => (name: string) => h[name] ?? null
  it('reads X-RateLimit-Reset in ms, Retry-After in seconds or as a date', () => {
    expect(parseRetryAfter(headers({ 'x-ratelimit-reset': '750' }), 0)).toBe(750)
    expect(parseRetryAfter(headers({ 'retry-after': '3' }), 0)).toBe(3000)
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(parseRetryAfter(headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(5000)
    expect(parseRetryAfter(headers({}), 0)).toBeUndefined()
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }), 0)).toBeUndefined()
  })
})

describe('sleep (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('waits the delay', async () => {
    const done = vi.fn()
    void sleep(1000, new AbortController().signal, timers).then(done)
    await vi.advanceTimersByTimeAsync(999)
    expect(done).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(done).toHaveBeenCalledTimes(1)
  })

  it('is abortable', async () => {
    const controller = new AbortController()
    const promise = sleep(60_000, controller.signal, timers)
    controller.abort(new Error('stop'))
    await expect(promise).rejects.toThrow('stop')
    expect(vi.getTimerCount()).toBe(0)
  })
})
