import { UploadError } from '../upload-error.js'

/** Output types `prepareImages` can be asked for. */
export type PreparedImageType = 'auto' | 'image/jpeg' | 'image/webp' | 'image/png'

export interface PrepareImagesOptions {
  /** Longest width in pixels, as displayed (after EXIF orientation). @default 2560 */
  maxWidth?: number
  /** Longest height in pixels, as displayed. @default 2560 */
  maxHeight?: number
  /** Encoder quality for JPEG and WebP, between 0 and 1. @default 0.82 */
  quality?: number
  /**
   * `'auto'`: JPEG stays JPEG, WebP stays WebP, a PNG or GIF with transparency stays PNG, an opaque one
   * becomes whichever of PNG and JPEG is smaller, HEIC/AVIF become JPEG (PNG with transparency).
   * A type forces that output for every image re-encoded; transparency never goes into a JPEG
   * (such an image becomes PNG instead). @default 'auto'
   */
  type?: PreparedImageType
  /** Take GPS location out of the uploaded bytes (losslessly when the image is not re-encoded). @default true */
  removeLocation?: boolean
  /** Keep a JPEG's ICC colour profile when re-encoding it to JPEG (other outputs are converted to sRGB). @default true */
  keepColorProfile?: boolean
  /** On a file that cannot be read, decoded or encoded: upload it unchanged (with a console warning) or reject. @default 'original' */
  onError?: 'original' | 'throw'
}

export type PrepareSettings = Required<PrepareImagesOptions>

const DEFAULTS: PrepareSettings = {
  maxWidth: 2560,
  maxHeight: 2560,
  quality: 0.82,
  type: 'auto',
  removeLocation: true,
  keepColorProfile: true,
  onError: 'original',
}

const oneOf =
  (...values: readonly unknown[]) =>
  (v: unknown) =>
    values.includes(v) ? null : `one of ${values.map((value) => JSON.stringify(value)).join(', ')}`
const bool = (v: unknown) => (typeof v === 'boolean' ? null : 'true or false')
const pixels = (v: unknown) =>
  Number.isInteger(v) && (v as number) >= 1 ? null : 'a whole number of pixels ≥ 1'

const CHECKS: Record<keyof PrepareSettings, (v: unknown) => string | null> = {
  maxWidth: pixels,
  maxHeight: pixels,
  quality: (v) => (typeof v === 'number' && v > 0 && v <= 1 ? null : 'a number between 0 and 1'),
  type: oneOf('auto', 'image/jpeg', 'image/webp', 'image/png'),
  removeLocation: bool,
  keepColorProfile: bool,
  onError: oneOf('original', 'throw'),
}

/** The options with their defaults; a wrong value throws INVALID_OPTIONS naming it, an unknown name warns. */
export function resolvePrepareOptions(options: PrepareImagesOptions): PrepareSettings {
  if (typeof options !== 'object' || options === null) {
    throw new UploadError(
      'INVALID_OPTIONS',
      'prepareImages: pass an options object (or nothing for the defaults).',
    )
  }
  for (const [name, value] of Object.entries(options)) {
    const check = CHECKS[name as keyof PrepareSettings]
    if (!check) {
      console.warn(`[upkit] prepareImages: unknown option "${name}" is ignored; check its spelling.`)
      continue
    }
    const expected = value === undefined ? null : check(value)
    if (expected) {
      const shown = typeof value === 'string' ? JSON.stringify(value) : String(value)
      throw new UploadError(
        'INVALID_OPTIONS',
        `prepareImages: option "${name}" is ${shown}; pass ${expected}.`,
      )
    }
  }
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined))
  return { ...DEFAULTS, ...given } as PrepareSettings
}
