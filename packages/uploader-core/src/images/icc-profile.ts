import { type JpegSegment, jpegSegments, segmentStartsWith } from './jpeg-segments.js'

const isIcc = (data: Uint8Array, segment: JpegSegment) =>
  segment.marker === 0xe2 && segmentStartsWith(data, segment, 'ICC_PROFILE\0')

/** The APP2 `ICC_PROFILE` segments of a JPEG (marker and length included), in file order. */
export function jpegIccSegments(data: Uint8Array): Uint8Array[] {
  return jpegSegments(data)
    .filter((segment) => isIcc(data, segment))
    .map((segment) => data.slice(segment.start, segment.end))
}

/**
 * A JPEG with its own ICC segments replaced by `icc` (the encoder tags its output sRGB; the pixels
 * were kept in the source's colour space, so the source's profile must describe them). The new
 * segments go after SOI and a JFIF APP0, where readers look for them.
 */
export function withIccSegments(jpeg: Uint8Array, icc: readonly Uint8Array[]): Blob {
  const segments = jpegSegments(jpeg)
  const parts: Uint8Array[] = [jpeg.subarray(0, 2)]
  const jfif = segments[0]?.marker === 0xe0 ? segments[0] : undefined
  if (jfif) parts.push(jpeg.subarray(jfif.start, jfif.end))
  parts.push(...icc)
  let at = jfif ? jfif.end : 2
  for (const segment of segments) {
    if (segment.start < at || !isIcc(jpeg, segment)) continue
    parts.push(jpeg.subarray(at, segment.start))
    at = segment.end
  }
  parts.push(jpeg.subarray(at))
  return new Blob(parts as BlobPart[], { type: 'image/jpeg' })
}
