import { Bytes } from './bytes.js'

const GPS_IFD_POINTER = 0x8825
const ORIENTATION = 0x0112
/** Bytes per value of each TIFF field type (1 BYTE … 13 IFD). */
const TYPE_SIZES = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4]

interface Tiff {
  bytes: Bytes
  little: boolean
  ifd0: number
}

/** The TIFF structure (an EXIF payload from its byte-order mark on); throws when malformed. */
function openTiff(data: Uint8Array): Tiff {
  const bytes = new Bytes(data)
  const order = bytes.ascii(0, 2)
  if (order !== 'II' && order !== 'MM') throw new RangeError('malformed EXIF: no byte-order mark')
  const little = order === 'II'
  if (bytes.u16(2, little) !== 42) throw new RangeError('malformed EXIF: not TIFF')
  return { bytes, little, ifd0: bytes.u32(4, little) }
}

/** Offset of entry `index` of the IFD at `ifd`. */
const entryAt = (ifd: number, index: number) => ifd + 2 + 12 * index

function findEntry({ bytes, little }: Tiff, ifd: number, tag: number): number {
  const count = bytes.u16(ifd, little)
  bytes.need(ifd, 2 + 12 * count + 4)
  for (let i = 0; i < count; i++) if (bytes.u16(entryAt(ifd, i), little) === tag) return i
  return -1
}

/** EXIF Orientation (1–8) of a TIFF payload; 1 when absent or out of range. */
export function tiffOrientation(data: Uint8Array): number {
  const tiff = openTiff(data)
  const index = findEntry(tiff, tiff.ifd0, ORIENTATION)
  if (index < 0) return 1
  const value = tiff.bytes.u16(entryAt(tiff.ifd0, index) + 8, tiff.little)
  return value >= 1 && value <= 8 ? value : 1
}

/**
 * Removes the GPS IFD from a TIFF payload in place, keeping its length and every other offset:
 * the pointer entry leaves IFD0 (the entries after it move up, the freed 12 bytes are zeroed), and
 * the GPS IFD and its out-of-line values are overwritten with zeros. True when there was one.
 */
export function removeTiffGps(data: Uint8Array): boolean {
  const tiff = openTiff(data)
  const { bytes, little, ifd0 } = tiff
  const index = findEntry(tiff, ifd0, GPS_IFD_POINTER)
  if (index < 0) return false
  const gpsIfd = bytes.u32(entryAt(ifd0, index) + 8, little)
  const count = bytes.u16(ifd0, little)
  const tail = entryAt(ifd0, count) + 4
  data.copyWithin(entryAt(ifd0, index), entryAt(ifd0, index + 1), tail)
  data.fill(0, tail - 12, tail)
  data[ifd0 + (little ? 0 : 1)] = (count - 1) & 0xff
  data[ifd0 + (little ? 1 : 0)] = (count - 1) >> 8
  blankIfd(tiff, gpsIfd)
  return true
}

/** Zeroes an IFD and the values it points to; a pointer outside the payload is left alone (nothing reaches it now). */
function blankIfd({ bytes, little }: Tiff, ifd: number): void {
  if (ifd + 2 > bytes.length) return
  const count = bytes.u16(ifd, little)
  const size = 2 + 12 * count + 4
  if (ifd + size > bytes.length) return
  for (let i = 0; i < count; i++) {
    const entry = entryAt(ifd, i)
    const length = (TYPE_SIZES[bytes.u16(entry + 2, little)] ?? 1) * bytes.u32(entry + 4, little)
    const offset = bytes.u32(entry + 8, little)
    if (length > 4 && offset + length <= bytes.length) bytes.data.fill(0, offset, offset + length)
  }
  bytes.data.fill(0, ifd, ifd + size)
}
