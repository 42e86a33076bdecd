import type { FileState } from '../types.js'
import { formatBytes, formatPercent } from './format.js'
import { type ViewMessages, viewText } from './strings.js'

/** Seconds until a scheduled retry, rounded up, never negative. */
export function secondsUntil(at: number | null, now: number): number {
  if (at === null) return 0
  return Math.max(0, Math.ceil((at - now) / 1000))
}

/**
 * The short status text of a file row: "Waiting", "Uploading… 42%", "Retrying in 5 s", "Done",
 * "Failed", "Cancelled". `now` is the clock the countdown is measured against.
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
      return `${viewText(messages, 'statusUploading')} ${formatPercent(file.percent, options.locale)}`
    case 'retrying':
      if (file.waitingForNetwork) return viewText(messages, 'statusWaitingForNetwork')
      return viewText(messages, 'statusRetryingIn', {
        seconds: secondsUntil(file.nextRetryAt, options.now ?? Date.now()),
      })
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
  remove: boolean
}

export function fileActions(file: FileState): FileActions {
  const busy = ['queued', 'preparing', 'signing', 'uploading'].includes(file.status)
  const waiting = file.status === 'retrying'
  const stopped = file.status === 'error' || file.status === 'cancelled'
  return { cancel: busy || waiting, retry: stopped, remove: !busy && !waiting }
}

/** True when a file's type lets the browser draw a thumbnail from its bytes. */
export function canPreview(file: Pick<FileState, 'type'>): boolean {
  return /^image\/(png|jpe?g|gif|webp|avif|bmp|svg\+xml)$/i.test(file.type)
}
