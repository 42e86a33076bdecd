const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const

/** A size unit `Intl.NumberFormat` knows. */
export type ByteUnit = (typeof UNITS)[number]

/**
 * Scales bytes to the largest decimal (SI) unit under 1000: kB and MB are 1000s, as Intl's `kilobyte`
 * and `megabyte` units, macOS and the browsers' download lists mean them (20,000,000 B is "20 MB").
 */
export function scaleBytes(bytes: number): { value: number; unit: ByteUnit } {
  let value = Number.isFinite(bytes) ? Math.max(0, bytes) : 0
  let index = 0
  // 999.7 kB would round to "1,000 kB": from 999.5 on it is the next unit
  while (value >= 999.5 && index < UNITS.length - 1) {
    value /= 1000
    index++
  }
  return { value, unit: UNITS[index] ?? 'byte' }
}

/** The `Intl.NumberFormat` options for a scaled size: "33 bytes", "1.5 kB", "250 MB". */
export function byteFormat(value: number, unit: string): Intl.NumberFormatOptions {
  const whole = unit === 'byte' || value >= 100
  return {
    style: 'unit',
    unit,
    unitDisplay: unit === 'byte' ? 'long' : 'short',
    maximumFractionDigits: whole ? 0 : 1,
  }
}

/**
 * 5000 → '5 kB' ('5 kB' in German, '1,5 kB' for 1500): the one size format of the engine's messages
 * and the widgets (decimal units, see `scaleBytes`). `locale` defaults to the runtime's.
 */
export function formatBytes(bytes: number, locale?: string): string {
  const { value, unit } = scaleBytes(bytes)
  return new Intl.NumberFormat(locale, byteFormat(value, unit)).format(value)
}
