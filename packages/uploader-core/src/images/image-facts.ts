import { Bytes } from './bytes.js'
import { isAnimatedGif } from './gif-animation.js'
import { jpegSegments, segmentStartsWith } from './jpeg-segments.js'
import { pngChunks } from './png-chunks.js'
import { riffChunks } from './riff-chunks.js'
import { tiffOrientation } from './tiff-gps.js'

/** What the header says about an image, read without decoding it. */
export interface ImageFacts {
  /** As displayed (EXIF orientation applied); 0 when the header does not tell. */
  width: number
  height: number
  animated: boolean
  /** False only when the format rules transparency out. */
  mayHaveAlpha: boolean
}

const UNKNOWN: ImageFacts = { width: 0, height: 0, animated: false, mayHaveAlpha: true }

const isFrameHeader = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc

function jpegFacts(data: Uint8Array): ImageFacts {
  const bytes = new Bytes(data)
  let orientation = 1
  let size: [number, number] = [0, 0]
  for (const segment of jpegSegments(data)) {
    if (segment.marker === 0xe1 && segmentStartsWith(data, segment, 'Exif\0\0')) {
      orientation = tiffOrientation(data.subarray(segment.dataStart + 6, segment.end))
    } else if (isFrameHeader(segment.marker)) {
      size = [bytes.u16(segment.dataStart + 3), bytes.u16(segment.dataStart + 1)]
    }
  }
  // orientations 5–8 turn the image a quarter: width and height swap
  const [width, height] = orientation >= 5 ? [size[1], size[0]] : size
  return { width, height, animated: false, mayHaveAlpha: false }
}

function pngFacts(data: Uint8Array): ImageFacts {
  const bytes = new Bytes(data)
  const chunks = pngChunks(data)
  const header = chunks[0]
  if (header?.type !== 'IHDR') throw new RangeError('malformed PNG: no IHDR first')
  const colourType = bytes.u8(header.dataStart + 9)
  const types = new Set(chunks.map((chunk) => chunk.type))
  return {
    width: bytes.u32(header.dataStart),
    height: bytes.u32(header.dataStart + 4),
    animated: types.has('acTL'),
    // colour types 4 and 6 carry alpha; the others only through a tRNS chunk
    mayHaveAlpha: colourType === 4 || colourType === 6 || types.has('tRNS'),
  }
}

function webpFacts(data: Uint8Array): ImageFacts {
  const bytes = new Bytes(data)
  const chunks = riffChunks(data)
  const first = chunks[0]
  const animated = chunks.some((chunk) => chunk.fourcc === 'ANIM' || chunk.fourcc === 'ANMF')
  if (first?.fourcc === 'VP8X') {
    const at = first.dataStart
    const width = 1 + (bytes.u16(at + 4, true) | (bytes.u8(at + 6) << 16))
    const height = 1 + (bytes.u16(at + 7, true) | (bytes.u8(at + 9) << 16))
    const flags = bytes.u8(at)
    return { width, height, animated: animated || (flags & 2) !== 0, mayHaveAlpha: (flags & 16) !== 0 }
  }
  if (first?.fourcc === 'VP8 ') {
    const at = first.dataStart + 6
    return {
      width: bytes.u16(at, true) & 0x3fff,
      height: bytes.u16(at + 2, true) & 0x3fff,
      animated,
      mayHaveAlpha: false,
    }
  }
  if (first?.fourcc === 'VP8L') {
    const bits = bytes.u32(first.dataStart + 1, true)
    const [width, height] = [(bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1]
    return { width, height, animated, mayHaveAlpha: ((bits >>> 28) & 1) === 1 }
  }
  return { ...UNKNOWN, animated }
}

function gifFacts(data: Uint8Array): ImageFacts {
  const bytes = new Bytes(data)
  return {
    width: bytes.u16(6, true),
    height: bytes.u16(8, true),
    animated: isAnimatedGif(data),
    mayHaveAlpha: true,
  }
}

/** Size (as displayed), animation and possible transparency from the header of a file of `type`; throws when malformed. */
export function readImageFacts(data: Uint8Array, type: string): ImageFacts {
  if (type === 'image/jpeg') return jpegFacts(data)
  if (type === 'image/png') return pngFacts(data)
  if (type === 'image/webp') return webpFacts(data)
  if (type === 'image/gif') return gifFacts(data)
  return { ...UNKNOWN, animated: type.endsWith('-sequence') }
}
