import type { MessageKey } from '../locales/en.js'
import type { FileState, RetryReason } from '../types.js'
import { formatBytes, formatPercent } from './format.js'
import { type ViewMessages, viewText } from './strings.js'

/** No bytes moved for this long while uploading: the row says "Waiting for the network…", no time left. */
export const STALL_HINT_MS = 4000

/** True when an uploading file's bytes have not moved for {@link STALL_HINT_MS} (`progressAt`). */
export function isStalled(file: FileState, now: number): boolean {
  // a link's bytes travel between ImageKit and its host: nothing moves here while it downloads
  if (file.url !== undefined) return false
  return (
    file.status === 'uploading' && file.progressAt !== undefined && now - file.progressAt >= STALL_HINT_MS
  )
}

const REASONS: Record<Exclude<RetryReason, 'offline'>, MessageKey> = {
  'server-busy': 'retryServerBusy',
  'server-error': 'retryServerError',
  network: 'retryNetwork',
  stalled: 'retryStalled',
  signature: 'retrySignature',
}

/** "Server busy — retrying in 4 s", "Stalled — retrying…", "Offline — waiting for the connection". */
function retryingLabel(file: FileState, messages: ViewMessages, now: number): string {
  const reason = file.retryReason
  if (file.waitingForNetwork || reason === 'offline') return viewText(messages, 'statusWaitingForNetwork')
  const seconds = secondsUntil(file.nextRetryAt, now)
  if (!reason) return viewText(messages, 'statusRetryingIn', { seconds })
  const vars = { reason: viewText(messages, REASONS[reason]), seconds }
  return viewText(messages, seconds > 0 ? 'statusRetryingBecause' : 'statusRetryingNow', vars)
}

/** Seconds until a scheduled retry, rounded up, never negative. */
export function secondsUntil(at: number | null, now: number): number {
  if (at === null) return 0
  return Math.max(0, Math.ceil((at - now) / 1000))
}

/**
 * The short status text of a file row: "Waiting", "Uploading 42%", "Waiting for the network…" (stalled),
 * "Server busy — retrying in 5 s", "Done", "Failed", "Cancelled". `now` is the clock the countdown and
 * the stall are measured against.
 */
export function fileStatusLabel(
  file: FileState,
  messages: ViewMessages,
  options: { now?: number; locale?: string } = {},
): string {
  switch (file.status) {
    case 'queued':
      return viewText(messages, 'statusQueued')
    case 'preparing':
      return viewText(messages, 'statusPreparing')
    case 'signing':
      return viewText(messages, 'statusSigning')
    case 'uploading':
      if (isStalled(file, options.now ?? Date.now())) return viewText(messages, 'statusStalled')
      if (file.url !== undefined) return viewText(messages, 'statusUploading') // no percent for a link
      return `${viewText(messages, 'statusUploading')} ${formatPercent(file.percent, options.locale)}`
    case 'retrying':
      return retryingLabel(file, messages, options.now ?? Date.now())
    case 'success': {
      // a prepared file says what preparing saved ("Done · 9.1 MB saved")
      const saved = (file.originalSize ?? 0) - file.size
      if (saved <= 0) return viewText(messages, 'statusSuccess')
      return viewText(messages, 'statusSuccessSaved', { saved: formatBytes(saved, options.locale) })
    }
    case 'processing':
      return viewText(messages, 'statusProcessing')
    case 'error':
      return viewText(messages, 'statusError')
    case 'cancelled':
      return viewText(messages, 'statusCancelled')
  }
}

/** Which per-file buttons a row shows. */
export interface FileActions {
  cancel: boolean
  retry: boolean
  /** "Copy link": a stored file with its ImageKit URL. */
  copy: boolean
  remove: boolean
}

export function fileActions(file: FileState): FileActions {
  const busy = ['queued', 'preparing', 'signing', 'uploading'].includes(file.status)
  const waiting = file.status === 'retrying'
  const stopped = file.status === 'error' || file.status === 'cancelled'
  const copy = fileLink(file) !== null
  return { cancel: busy || waiting, retry: stopped, copy, remove: !busy && !waiting }
}

/** The stored file's address in ImageKit (`result.url`), once it is there; null before. */
export function fileLink(file: FileState): string | null {
  const url = file.status === 'success' ? file.result?.url : undefined
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null
}

/**
 * Whether a row draws its progress bar: not once the file failed or was cancelled, where a part-full
 * bar would look alive; a stored file's bar is full (`percent` 100) and drawn without transition.
 */
export function showsProgress(file: FileState): boolean {
  return file.status !== 'error' && file.status !== 'cancelled'
}

/** True when a file's type lets the browser draw a thumbnail from its bytes (a link has none here). */
export function canPreview(file: Pick<FileState, 'type' | 'url'>): boolean {
  return file.url === undefined && /^image\/(png|jpe?g|gif|webp|avif|bmp|svg\+xml)$/i.test(file.type)
}

/** The bar's value; none (indeterminate) until ImageKit has a link's file: its download is not ours to count. */
export function progressValue(file: Pick<FileState, 'percent' | 'url'>): number | undefined {
  return file.url !== undefined && file.percent < 100 ? undefined : file.percent
}
