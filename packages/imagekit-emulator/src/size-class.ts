import { extname } from 'node:path'
import type { SizeClass } from './size-limits.js'

/** Bytes looked at to tell a video from other files (an MPEG-TS needs its second sync byte at 188). */
export const SNIFF_BYTES = 256

/** ISO-BMFF brands that are images or audio, not video (HEIF/AVIF stills, iTunes audio, Canon CR3). */
const NOT_VIDEO_BRANDS = new Set([
  'heic',
  'heix',
  'heim',
  'heis',
  'hevc',
  'hevx',
  'mif1',
  'msf1',
  'avif',
  'avis',
  'M4A ',
  'M4B ',
  'M4P ',
  'crx ',
])

const VIDEO_EXTENSIONS = new Set([
  '.mp4',
  '.m4v',
  '.mov',
  '.webm',
  '.mkv',
  '.avi',
  '.wmv',
  '.flv',
  '.mpg',
  '.mpeg',
  '.m2ts',
  '.mts',
  '.3gp',
  '.3g2',
  '.ogv',
])

/** Signatures of common non-video files (images, documents, audio): their bytes beat a video-like name. */
const OTHER_SIGNATURES = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x49, 0x49, 0x2a, 0x00], // TIFF (little-endian)
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF (big-endian)
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x50, 0x4b, 0x03, 0x04], // ZIP
  [0x49, 0x44, 0x33], // MP3 with ID3
  [0x66, 0x4c, 0x61, 0x43], // FLAC
]

const ascii = (bytes: Uint8Array, start: number, end: number) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', start, end)

/** What the first bytes say: a video container, something else, or nothing known. */
function fromBytes(head: Uint8Array): SizeClass | undefined {
  if (head.length < 4) return undefined
  if (ascii(head, 4, 8) === 'ftyp') return NOT_VIDEO_BRANDS.has(ascii(head, 8, 12)) ? 'other' : 'video'
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return 'video' // Matroska / WebM
  if (ascii(head, 0, 4) === 'RIFF') return ascii(head, 8, 12) === 'AVI ' ? 'video' : 'other' // else WAVE, WEBP…
  if (ascii(head, 0, 3) === 'FLV') return 'video'
  if (head[0] === 0 && head[1] === 0 && head[2] === 1 && head[3] === 0xba) return 'video' // MPEG program stream
  if (head[0] === 0x30 && head[1] === 0x26 && head[2] === 0xb2 && head[3] === 0x75) return 'video' // ASF / WMV
  if (head[0] === 0x47 && head[188] === 0x47) return 'video' // MPEG transport stream
  if (OTHER_SIGNATURES.some((signature) => signature.every((byte, i) => head[i] === byte))) return 'other'
  return undefined
}

/**
 * Which size limit applies: the bytes decide when they name a container (as the emulator's media
 * sniffing trusts bytes over names); otherwise the declared type, then the file name's extension.
 */
export function sizeClassOf(head: Uint8Array, declaredMime: string, fileName: string): SizeClass {
  const sniffed = fromBytes(head)
  if (sniffed) return sniffed
  if (/^video\//i.test(declaredMime)) return 'video'
  return VIDEO_EXTENSIONS.has(extname(fileName).toLowerCase()) ? 'video' : 'other'
}
