import { byteFormat, scaleBytes } from '../format-bytes.js'

const formatters = new Map<string, Intl.NumberFormat>()

function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, options)
    formatters.set(key, formatter)
  }
  return formatter
}

/**
 * Human-readable size, e.g. `1.5 MB` (`1,5 MB` in German): decimal units, the same as the engine's
 * messages (`format-bytes.ts`), with the formatters kept for the many rows of a long list.
 */
export function formatBytes(bytes: number, locale?: string): string {
  const { value, unit } = scaleBytes(bytes)
  return numberFormat(locale, byteFormat(value, unit)).format(value)
}

/** Transfer speed, e.g. `850 kB/s`. */
export function formatSpeed(bytesPerSecond: number, locale?: string): string {
  const { value, unit } = scaleBytes(bytesPerSecond)
  return numberFormat(locale, {
    ...byteFormat(value, unit),
    unit: `${unit}-per-second`,
    unitDisplay: 'short',
  }).format(value)
}

function unitText(value: number, unit: 'second' | 'minute' | 'hour', locale?: string): string {
  return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value)
}

/** Time left, e.g. `45 sec`, `2 min 5 sec`, `1 hr 20 min`. Empty string when unknown. */
export function formatEta(seconds: number | null | undefined, locale?: string): string {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return ''
  const total = Math.ceil(seconds)
  if (total < 60) return unitText(total, 'second', locale)
  if (total < 3600) {
    const minutes = Math.floor(total / 60)
    const rest = total % 60
    const head = unitText(minutes, 'minute', locale)
    return rest === 0 || minutes >= 10 ? head : `${head} ${unitText(rest, 'second', locale)}`
  }
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const head = unitText(hours, 'hour', locale)
  return minutes === 0 ? head : `${head} ${unitText(minutes, 'minute', locale)}`
}

/** Whole percent, e.g. `42 %` in French. Takes 0–100. */
export function formatPercent(percent: number, locale?: string): string {
  const clamped = Math.min(100, Math.max(0, Number.isFinite(percent) ? percent : 0))
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
    Math.floor(clamped) / 100,
  )
}
