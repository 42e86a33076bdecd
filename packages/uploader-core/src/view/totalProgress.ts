import type { UploaderSnapshot } from '../types.js'
import { formatBytes, formatEta, formatPercent, formatSpeed } from './format.js'
import { isStalled } from './status.js'
import { type ViewMessages, viewText } from './strings.js'

/** Everything the total-progress row renders, already formatted. */
export interface TotalProgressModel {
  /** Show the row at all (there are files). */
  visible: boolean
  /** Draw the bar: there are bytes to count (not when every file failed or was cancelled). */
  showBar: boolean
  /** 0–100, weighted by bytes, over the files still meant to upload and those stored. */
  percent: number
  /** Accessible name of the total progress bar. */
  label: string
  /** "42% · 5 MB of 12 MB" while uploading; "2 uploaded · 1 failed" once nothing is left to send. */
  summary: string
  /** "1.2 MB/s", or '' when idle, retrying or stalled. */
  speed: string
  /** "30 sec left", or '' when unknown, idle, retrying or stalled. */
  eta: string
  /** `aria-valuetext` for the bar: summary, speed and ETA together. */
  valueText: string
  isUploading: boolean
  canRetryAll: boolean
  canCancelAll: boolean
  /** Some files are done, failed or cancelled ("Clear finished"). */
  canClearFinished: boolean
}

/** "2 uploaded · 1 failed · 1 cancelled": what a batch came to. */
function outcomeSummary(snapshot: UploaderSnapshot, messages: ViewMessages): string {
  const { success, processing, error, cancelled } = snapshot.counts
  const parts: Array<
    [number, 'summaryUploaded' | 'summaryProcessing' | 'summaryFailed' | 'summaryCancelled']
  > = [
    [success, 'summaryUploaded'],
    [processing, 'summaryProcessing'],
    [error, 'summaryFailed'],
    [cancelled, 'summaryCancelled'],
  ]
  return parts
    .filter(([count]) => count > 0)
    .map(([count, key]) => viewText(messages, key, { count }))
    .join(' · ')
}

/** A time left would be a guess: a file waits to retry, or an upload has not moved for a while. */
function paused(snapshot: UploaderSnapshot, now: number): boolean {
  const { counts, files } = snapshot
  return counts.retrying > 0 || (counts.uploading > 0 && files.some((file) => isStalled(file, now)))
}

/**
 * The total row: while files are meant to upload, "42% · 5 MB of 12 MB · 1.2 MB/s · 30 sec left"
 * (no speed or time left while retrying or stalled, measured against `now`); after, the outcome.
 */
export function totalProgress(
  snapshot: UploaderSnapshot,
  messages: ViewMessages,
  locale?: string,
  now: number = Date.now(),
): TotalProgressModel {
  const { totals, counts, isUploading } = snapshot
  const percent = Math.min(100, Math.max(0, Math.floor(totals.percent)))
  const bytes = viewText(messages, 'bytesOf', {
    uploaded: formatBytes(totals.bytesUploaded, locale),
    total: formatBytes(totals.bytesTotal, locale),
  })
  const summary =
    counts.active > 0 ? `${formatPercent(percent, locale)} · ${bytes}` : outcomeSummary(snapshot, messages)
  const live = isUploading && !paused(snapshot, now)
  const speed = live && totals.speed > 0 ? formatSpeed(totals.speed, locale) : ''
  const etaValue = live ? formatEta(totals.eta, locale) : ''
  const eta = etaValue ? viewText(messages, 'eta', { time: etaValue }) : ''
  return {
    visible: counts.total > 0,
    showBar: totals.bytesTotal > 0,
    percent,
    label: viewText(messages, 'progressTotal'),
    summary,
    speed,
    eta,
    valueText: [summary, speed, eta].filter(Boolean).join(', '),
    isUploading,
    canRetryAll: counts.error + counts.cancelled > 0,
    canCancelAll: counts.active > 0,
    canClearFinished: counts.success + counts.error + counts.cancelled > 0,
  }
}
