import { Bytes } from './bytes.js'

/** One marker segment of a JPEG's header (before the image data). */
export interface JpegSegment {
  /** The marker byte (0xE1 = APP1 …). */
  marker: number
  /** Offset of the segment's 0xFF. */
  start: number
  /** Offset of its payload (after marker and length). */
  dataStart: number
  /** Offset just past it. */
  end: number
}

const SOS = 0xda
const EOI = 0xd9

/** Markers without a length field. */
const standalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)

/**
 * The header segments of a JPEG, from the one after SOI up to and including the start of scan (SOS);
 * throws on a malformed header. The entropy-coded data after SOS is never read.
 */
export function jpegSegments(data: Uint8Array): JpegSegment[] {
  const bytes = new Bytes(data)
  if (bytes.u16(0) !== 0xffd8) throw new RangeError('not a JPEG: no start-of-image marker')
  const segments: JpegSegment[] = []
  let at = 2
  for (;;) {
    if (bytes.u8(at) !== 0xff) throw new RangeError(`malformed JPEG: no marker at ${at}`)
    let marker = bytes.u8(at + 1)
    let start = at
    // fill bytes: any number of 0xFF may precede a marker
    while (marker === 0xff) marker = bytes.u8(++start + 1)
    if (standalone(marker)) {
      at = start + 2
      continue
    }
    if (marker === EOI) throw new RangeError('malformed JPEG: end of image before any scan')
    const length = bytes.u16(start + 2)
    if (length < 2) throw new RangeError(`malformed JPEG: segment length ${length} at ${start}`)
    const segment = { marker, start, dataStart: start + 4, end: start + 2 + length }
    bytes.need(segment.dataStart, length - 2)
    segments.push(segment)
    if (marker === SOS) return segments
    at = segment.end
  }
}

/** True when the segment's payload opens with `signature` (e.g. `Exif\0\0`, `ICC_PROFILE\0`). */
export function segmentStartsWith(data: Uint8Array, segment: JpegSegment, signature: string): boolean {
  if (segment.end - segment.dataStart < signature.length) return false
  for (let i = 0; i < signature.length; i++) {
    if (data[segment.dataStart + i] !== signature.charCodeAt(i)) return false
  }
  return true
}
