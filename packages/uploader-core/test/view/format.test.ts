import { describe, expect, it } from 'vitest'
import { formatBytes as engineBytes } from '../../src/format-bytes.js'
import { formatBytes, formatEta, formatPercent, formatSpeed } from '../../src/view/index.js'

describe('formatBytes', () => {
  it('scales in decimal (SI) steps with one decimal, as Intl’s kB and MB mean', () => {
    expect(formatBytes(0, 'en')).toBe('0 bytes')
    expect(formatBytes(33, 'en')).toBe('33 bytes')
    expect(formatBytes(512, 'en')).toBe('512 bytes')
    expect(formatBytes(1500, 'en')).toBe('1.5 kB')
    expect(formatBytes(20_000_000, 'en')).toBe('20 MB')
    expect(formatBytes(25 * 1024 * 1024, 'en')).toBe('26.2 MB')
    expect(formatBytes(3e9, 'en')).toBe('3 GB')
  })

  it('never shows 1,000 of a unit: that is one of the next', () => {
    expect(formatBytes(999_700, 'en')).toBe('1 MB')
    expect(formatBytes(999, 'en')).toBe('999 bytes')
  })

  it('is the engine’s format too (its messages and the widgets agree)', () => {
    for (const bytes of [33, 1500, 20_000_000])
      expect(formatBytes(bytes, 'en')).toBe(engineBytes(bytes, 'en'))
  })

  it('follows the locale', () => {
    expect(formatBytes(1500, 'de')).toBe('1,5 kB')
  })

  it('treats bad input as zero', () => {
    expect(formatBytes(Number.NaN, 'en')).toBe('0 bytes')
    expect(formatBytes(-5, 'en')).toBe('0 bytes')
  })
})

describe('formatSpeed', () => {
  it('shows a per-second unit', () => {
    expect(formatSpeed(1_500_000, 'en')).toBe('1.5 MB/s')
    expect(formatSpeed(1_500_000, 'de')).toBe('1,5 MB/s')
  })
})

describe('formatEta', () => {
  it('is empty when unknown', () => {
    expect(formatEta(null, 'en')).toBe('')
    expect(formatEta(Number.POSITIVE_INFINITY, 'en')).toBe('')
  })

  it('uses seconds, minutes and hours', () => {
    expect(formatEta(4.2, 'en')).toBe('5 sec')
    expect(formatEta(125, 'en')).toBe('2 min 5 sec')
    expect(formatEta(900, 'en')).toBe('15 min')
    expect(formatEta(3600 + 20 * 60, 'en')).toBe('1 hr 20 min')
  })
})

describe('formatPercent', () => {
  it('floors and clamps', () => {
    expect(formatPercent(42.9, 'en')).toBe('42%')
    expect(formatPercent(120, 'en')).toBe('100%')
    expect(formatPercent(50, 'fr')).toMatch(/^50\s%$/)
  })
})
