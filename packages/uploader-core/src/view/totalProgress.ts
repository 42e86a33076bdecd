import type { UploaderSnapshot } from '../types.js'
import { formatBytes, formatEta, formatPercent, formatSpeed } from './format.js'
import { type ViewMessages, viewText } from './strings.js'

/** Everything the total-progress row renders, already formatted. */
export interface TotalProgressModel {
  /** Show the row at all (there are files). */
  visible: boolean
  /** 0–100, weighted by bytes. */
  percent: number
  /** Accessible name of the total progress bar. */
  label: string
  /** "42% · 5 MB of 12 MB". */
  summary: string
  /** "1.2 MB/s", or '' when idle. */
  speed: string
  /** "30 sec left", or '' when unknown or idle. */
  eta: string
  /** `aria-valuetext` for the bar: summary, speed and ETA together. */
  valueText: string
  isUploading: boolean
  canRetryAll: boolean
  canCancelAll: boolean
  /** Some files are done, failed or cancelled ("Clear finished"). */
  canClearFinished: boolean
}

export function totalProgress(
  snapshot: UploaderSnapshot,
  messages: ViewMessages,
  locale?: string,
): TotalProgressModel {
  const { totals, counts, isUploading } = snapshot
  const percent = Math.min(100, Math.max(0, Math.floor(totals.percent)))
  const bytes = viewText(messages, 'bytesOf', {
    uploaded: formatBytes(totals.bytesUploaded, locale),
    total: formatBytes(totals.bytesTotal, locale),
  })
  const summary = `${formatPercent(percent, locale)} · ${bytes}`
  const speed = isUploading && totals.speed > 0 ? formatSpeed(totals.speed, locale) : ''
  const etaValue = isUploading ? formatEta(totals.eta, locale) : ''
  const eta = etaValue ? viewText(messages, 'eta', { time: etaValue }) : ''
  return {
    visible: counts.total > 0,
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
