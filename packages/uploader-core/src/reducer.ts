import { retryReason } from './retry-reason.js'
import type { FileError, FileState, UploadResult } from './types.js'

/** A change to one file. */
export type FileChange =
  | { type: 'requeued' }
  | { type: 'preparing' }
  | { type: 'prepared'; data: Blob; name: string; mime: string }
  | { type: 'attempt-started'; attempt: number }
  | { type: 'uploading'; at?: number }
  | { type: 'progress'; bytes: number; at?: number }
  | { type: 'retry-scheduled'; at: number | null; error: FileError; waitingForNetwork: boolean }
  | { type: 'succeeded'; result: UploadResult; serverData?: unknown; completionError?: FileError | undefined }
  | { type: 'accepted'; notice: string }
  | { type: 'failed'; error: FileError }
  | { type: 'cancelled' }

/** Every change the store accepts: per-file changes (to one or many ids) and list changes. */
export type Action =
  | { type: 'added'; files: readonly FileState[] }
  | { type: 'removed'; ids: readonly string[] }
  | { type: 'online'; online: boolean }
  | { type: 'restored'; count: number }
  | (FileChange & { id: string })
  | ({ type: 'requeued' | 'cancelled' } & { ids: readonly string[] })

/** Percent for a running file: never 100 before ImageKit answered. */
function runningPercent(bytes: number, size: number): number {
  if (size <= 0) return 0
  return Math.min(99, Math.floor((bytes / size) * 100))
}

const fresh = { bytesUploaded: 0, percent: 0, nextRetryAt: null, waitingForNetwork: false } as const

/** The progress fields of a file waiting for its first attempt. */
export const queued = { ...fresh, status: 'queued', attempt: 0 } as const

/** Without the fields that describe one moment of an attempt (retry reason, last progress). */
function withoutMoment(file: FileState): FileState {
  const { retryReason: _reason, progressAt: _at, ...rest } = file
  return rest
}

function withoutOutcome(file: FileState): FileState {
  const { error: _error, result: _result, ...rest } = withoutMoment(file)
  return rest
}

function withoutCompletion(file: FileState): FileState {
  const { serverData: _data, completionError: _error, ...rest } = file
  return rest
}

const isFinal = (f: FileState) => f.status === 'success' || f.status === 'error' || f.status === 'processing'

/** Pure: one file's next record, or null when the change does not apply (the store then keeps the old one). */
export function reduceFile(f: FileState, change: FileChange): FileState | null {
  switch (change.type) {
    case 'requeued':
      return f.status === 'error' || f.status === 'cancelled' ? { ...withoutOutcome(f), ...queued } : null
    case 'preparing':
      return f.status === 'queued' ? { ...f, status: 'preparing' } : null
    case 'prepared': {
      if (f.status !== 'preparing') return null
      const changed = change.data !== f.data
      const originalSize = changed ? (f.originalSize ?? f.size) : f.originalSize
      const next = { ...f, status: 'queued' as const, data: change.data, size: change.data.size }
      return {
        ...next,
        name: change.name,
        type: change.mime,
        ...(originalSize === undefined ? {} : { originalSize }),
      }
    }
    case 'attempt-started':
      return { ...withoutOutcome(f), ...fresh, status: 'signing', attempt: change.attempt }
    case 'uploading':
      if (f.status !== 'signing') return null
      return { ...f, status: 'uploading', ...(change.at === undefined ? {} : { progressAt: change.at }) }
    case 'progress': {
      const bytes = Math.min(f.size, change.bytes)
      if (f.status !== 'uploading' || bytes <= f.bytesUploaded) return null
      const moved = { ...f, bytesUploaded: bytes, percent: runningPercent(bytes, f.size) }
      return change.at === undefined ? moved : { ...moved, progressAt: change.at }
    }
    case 'retry-scheduled': {
      const { at, error, waitingForNetwork } = change
      // the next attempt sends the whole file again: its bytes no longer count as sent
      const reason = retryReason(error, waitingForNetwork)
      const next = { ...withoutMoment(f), bytesUploaded: 0, percent: 0, status: 'retrying' as const }
      return { ...next, nextRetryAt: at, error, waitingForNetwork, retryReason: reason }
    }
    case 'succeeded': {
      const { result, serverData, completionError } = change
      // a link's size (`addUrl`) is known once ImageKit stored it
      const size = f.url === undefined ? f.size : result.size
      const done = {
        ...withoutCompletion(withoutMoment(f)),
        ...fresh,
        status: 'success' as const,
        size,
        bytesUploaded: size,
        percent: 100,
      }
      return {
        ...done,
        result,
        ...('serverData' in change ? { serverData } : {}),
        ...(completionError ? { completionError } : {}),
      }
    }
    case 'accepted':
      return {
        ...withoutMoment(f),
        ...fresh,
        status: 'processing',
        bytesUploaded: f.size,
        percent: 100,
        notice: change.notice,
      }
    case 'failed': {
      const failed = { ...withoutMoment(f), status: 'error' as const, nextRetryAt: null }
      return { ...failed, waitingForNetwork: false, error: change.error }
    }
    case 'cancelled':
      return isFinal(f) ? null : { ...withoutOutcome(f), ...fresh, status: 'cancelled' }
  }
}
