const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const

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

function scaleBytes(bytes: number): { value: number; unit: (typeof BYTE_UNITS)[number] } {
  let value = Math.max(0, bytes)
  let index = 0
  // Binary steps: ImageKit's plan limits (e.g. 25 MB = 25 × 1024 × 1024) then read as round numbers.
  while (value >= 1024 && index < BYTE_UNITS.length - 1) {
    value /= 1024
    index++
  }
  return { value, unit: BYTE_UNITS[index] ?? 'byte' }
}

/** Human-readable size, e.g. `1.2 MB` (`1,2 MB` in German). */
export function formatBytes(bytes: number, locale?: string): string {
  const { value, unit } = scaleBytes(Number.isFinite(bytes) ? bytes : 0)
  return numberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: unit === 'byte' ? 'long' : 'short',
    maximumFractionDigits: unit === 'byte' || value >= 100 ? 0 : 1,
  }).format(value)
}

/** Transfer speed, e.g. `850 kB/s`. */
export function formatSpeed(bytesPerSecond: number, locale?: string): string {
  const { value, unit } = scaleBytes(Number.isFinite(bytesPerSecond) ? bytesPerSecond : 0)
  return numberFormat(locale, {
    style: 'unit',
    unit: `${unit}-per-second`,
    unitDisplay: 'short',
    maximumFractionDigits: unit === 'byte' || value >= 100 ? 0 : 1,
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
