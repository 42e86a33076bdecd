import { fakeFile } from '@upkit/test-support'
import { describe, expect, it } from 'vitest'
import { reduceFile } from '../src/reducer.js'
import { retryReason } from '../src/retry-reason.js'
import type { FileError } from '../src/types.js'

const error = (code: FileError['code'], status?: number): FileError => ({
  code,
  message: code,
  retryable: true,
  status,
})

describe('retryReason', () => {
  it('names why a file waits to retry', () => {
    expect(retryReason(error('RATE_LIMITED', 429), false)).toBe('server-busy')
    expect(retryReason(error('SERVER_ERROR', 503), false)).toBe('server-busy')
    expect(retryReason(error('SERVER_ERROR', 500), false)).toBe('server-error')
    expect(retryReason(error('NETWORK_ERROR'), false)).toBe('network')
    expect(retryReason(error('TIMEOUT'), false)).toBe('stalled')
    expect(retryReason(error('TIMEOUT', 408), false)).toBe('server-error')
    expect(retryReason(error('SIGNATURE_EXPIRED', 400), false)).toBe('signature')
    expect(retryReason(error('NETWORK_ERROR'), true)).toBe('offline')
  })
})

describe('reduceFile: the moment of an attempt', () => {
  it('records when bytes last moved while uploading, and forgets it after', () => {
    const signing = fakeFile('a', 'signing', { size: 100 })
    const uploading = reduceFile(signing, { type: 'uploading', at: 1_000 })!
    expect(uploading.progressAt).toBe(1_000)
    const moved = reduceFile(uploading, { type: 'progress', bytes: 50, at: 2_000 })!
    expect(moved).toMatchObject({ bytesUploaded: 50, progressAt: 2_000 })
    // no new bytes: no change, so the time of the last move stays
    expect(reduceFile(moved, { type: 'progress', bytes: 50, at: 9_000 })).toBeNull()
    const retrying = reduceFile(moved, {
      type: 'retry-scheduled',
      at: 5_000,
      error: error('NETWORK_ERROR'),
      waitingForNetwork: false,
    })!
    expect(retrying).toMatchObject({
      status: 'retrying',
      retryReason: 'network',
      bytesUploaded: 0,
      percent: 0,
    })
    expect(retrying).not.toHaveProperty('progressAt')
    const failed = reduceFile(retrying, { type: 'failed', error: error('NETWORK_ERROR') })!
    expect(failed).not.toHaveProperty('retryReason')
    const again = reduceFile(retrying, { type: 'attempt-started', attempt: 2 })!
    expect(again).not.toHaveProperty('retryReason')
  })
})
