import { open } from 'node:fs/promises'
import exifr from 'exifr'

/** OAS `Metadata.exif`: the raw EXIF groups, named as ImageKit names them. */
export interface ExifGroups {
  image: Record<string, unknown>
  thumbnail: Record<string, unknown>
  exif: Record<string, unknown>
  gps: Record<string, unknown>
  interoperability: Record<string, unknown>
  makernote: Record<string, unknown>
}

export interface EmbeddedMetadata {
  /** OAS `Upload.embeddedMetadata` / `EmbeddedMetadata`: EXIF, IPTC and XMP merged, values translated. */
  embedded: Record<string, unknown>
  /** The groups, or `{}` when the file has no EXIF at all (imagekit-ruby README capture: `"exif":{}`). */
  exif: ExifGroups | Record<string, never>
}

const emptyGroups = (): ExifGroups => ({
  image: {},
  thumbnail: {},
  exif: {},
  gps: {},
  interoperability: {},
  makernote: {},
})

/**
 * JSON-safe values: dates as ISO strings (OAS example `DateTimeOriginal: '2019-10-16T19:01:03.000Z'`),
 * short byte strings as latin1 text (OAS example `ComponentsConfiguration: "\x01\x02\x03\0"`),
 * longer binary blobs (maker notes, thumbnails) left out.
 */
function jsonSafe(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString()
  if (value instanceof Uint8Array)
    return value.length <= 64 ? Buffer.from(value).toString('latin1') : undefined
  if (Array.isArray(value)) return value.map(jsonSafe)
  if (value && typeof value === 'object') return plain(value as Record<string, unknown>)
  return typeof value === 'number' && !Number.isFinite(value) ? undefined : value
}

function plain(record: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record ?? {})) {
    const safe = jsonSafe(value)
    if (safe !== undefined) out[key] = safe
  }
  return out
}

/** EXIF ColorSpace words (EXIF 2.32 §4.6.5; OAS `EmbeddedMetadata.ColorSpace` is a string: "Uncalibrated"). */
const COLOR_SPACES: Record<number, string> = { 1: 'sRGB', 2: 'Adobe RGB', 65535: 'Uncalibrated' }

/**
 * Where exifr's translation differs from ImageKit's (OAS example `UploadResponseWithEmbeddedMetadata`):
 * version tags stay the raw "0232" strings, and ColorSpace is a word.
 */
function likeImageKit(
  embedded: Record<string, unknown>,
  raw: Record<string, unknown>,
): Record<string, unknown> {
  for (const key of ['ExifVersion', 'FlashpixVersion'])
    if (typeof raw[key] === 'string') embedded[key] = raw[key]
  const space = embedded.ColorSpace
  if (typeof space === 'number') embedded.ColorSpace = COLOR_SPACES[space] ?? String(space)
  return embedded
}

/** Metadata sits in the first segments (JPEG APP1/APP13, PNG chunks before the pixels, HEIF `meta`). */
const HEAD_BYTES = 1024 * 1024

/**
 * The file's first MiB, read here rather than by exifr: exifr 7.1.3's own file reader calls
 * `FileHandle.stat(path)`, which Node 26 refuses (ERR_INVALID_ARG_TYPE), so every file read empty there.
 */
async function readHead(path: string): Promise<Buffer> {
  const file = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(HEAD_BYTES)
    const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await file.close()
  }
}

const SEGMENTS = { tiff: true, ifd1: true, exif: true, gps: true, interop: true, xmp: true, iptc: true }

/**
 * Read the real EXIF / IPTC / XMP of an image with exifr. `embedded` is the merged, translated view
 * ImageKit answers as `embeddedMetadata` (`Orientation: "Horizontal (normal)"`, `ResolutionUnit:
 * "inches"`); `exif` the raw groups of `metadata.exif` (`Orientation: 1`, `ResolutionUnit: 2`).
 * Files without metadata (or that exifr cannot read) answer empty objects, as ImageKit's
 * `exif: {}` for such files.
 */
export async function readEmbeddedMetadata(path: string): Promise<EmbeddedMetadata> {
  try {
    const head = await readHead(path)
    const [merged, raw] = await Promise.all([
      exifr.parse(head, { ...SEGMENTS, translateValues: true, reviveValues: true, mergeOutput: true }),
      exifr.parse(head, {
        ...SEGMENTS,
        xmp: false,
        iptc: false,
        translateValues: false,
        reviveValues: false,
        mergeOutput: false,
      }),
    ])
    const groups = raw as Record<string, Record<string, unknown> | undefined> | undefined
    const exif: ExifGroups = {
      ...emptyGroups(),
      image: plain(groups?.ifd0),
      thumbnail: plain(groups?.ifd1),
      exif: plain(groups?.exif),
      gps: plain(groups?.gps),
      interoperability: plain(groups?.interop),
    }
    const any = Object.values(exif).some((group) => Object.keys(group).length > 0)
    return {
      embedded: likeImageKit(plain(merged as Record<string, unknown> | undefined), exif.exif),
      exif: any ? exif : {},
    }
  } catch {
    return { embedded: {}, exif: {} }
  }
}
