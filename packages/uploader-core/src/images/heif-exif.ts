import { Bytes } from './bytes.js'

interface Box {
  type: string
  /** Offset of the payload (after size and type; a full box's version and flags are part of it). */
  dataStart: number
  end: number
}

function boxes(bytes: Bytes, start: number, end: number): Box[] {
  const found: Box[] = []
  for (let at = start; at + 8 <= end; ) {
    let size = bytes.u32(at)
    let dataStart = at + 8
    if (size === 1) {
      size = bytes.u32(at + 8) * 2 ** 32 + bytes.u32(at + 12)
      dataStart += 8
    } else if (size === 0) size = end - at
    if (size < dataStart - at || at + size > end)
      throw new RangeError(`malformed HEIF: box size ${size} at ${at}`)
    found.push({ type: bytes.ascii(at + 4, 4), dataStart, end: at + size })
    at += size
  }
  return found
}

/** An unsigned integer of 0, 4 or 8 bytes (the sizes `iloc` declares). */
function sized(bytes: Bytes, at: number, size: number): number {
  if (size === 0) return 0
  if (size === 4) return bytes.u32(at)
  if (size === 8) return bytes.u32(at) * 2 ** 32 + bytes.u32(at + 4)
  throw new RangeError(`malformed HEIF: field size ${size}`)
}

/** Item ids of the `Exif` items listed in `iinf` (infe version 2 and 3). */
function exifItemIds(bytes: Bytes, iinf: Box): number[] {
  const version = bytes.u8(iinf.dataStart)
  const first = iinf.dataStart + (version === 0 ? 6 : 8)
  const ids: number[] = []
  for (const infe of boxes(bytes, first, iinf.end)) {
    const v = infe.type === 'infe' ? bytes.u8(infe.dataStart) : 0
    if (v < 2) continue
    const id = v === 2 ? bytes.u16(infe.dataStart + 4) : bytes.u32(infe.dataStart + 4)
    const typeAt = infe.dataStart + (v === 2 ? 8 : 10)
    if (bytes.ascii(typeAt, 4) === 'Exif') ids.push(id)
  }
  return ids
}

/** File ranges of items stored by file offset in one extent, by item id, from `iloc`. */
function itemRanges(bytes: Bytes, iloc: Box): Map<number, [number, number]> {
  const version = bytes.u8(iloc.dataStart)
  let at = iloc.dataStart + 4
  const [offsetSize, lengthSize] = [bytes.u8(at) >> 4, bytes.u8(at) & 15]
  const [baseSize, indexSize] = [bytes.u8(at + 1) >> 4, version > 0 ? bytes.u8(at + 1) & 15 : 0]
  const count = version < 2 ? bytes.u16(at + 2) : bytes.u32(at + 2)
  at += version < 2 ? 4 : 6
  const ranges = new Map<number, [number, number]>()
  for (let i = 0; i < count; i++) {
    const id = version < 2 ? bytes.u16(at) : bytes.u32(at)
    at += version < 2 ? 2 : 4
    const method = version > 0 ? bytes.u16(at) & 15 : 0
    at += version > 0 ? 2 : 0
    const base = sized(bytes, at + 2, baseSize)
    const extents = bytes.u16(at + 2 + baseSize)
    at += 4 + baseSize
    for (let e = 0; e < extents; e++) {
      const offset = sized(bytes, at + indexSize, offsetSize)
      const length = sized(bytes, at + indexSize + offsetSize, lengthSize)
      if (method === 0 && extents === 1) ranges.set(id, [base + offset, base + offset + length])
      at += indexSize + offsetSize + lengthSize
    }
  }
  return ranges
}

/**
 * The TIFF payloads of a HEIF/AVIF file's `Exif` items (`[start, end)` in the file), found through
 * `meta` → `iinf` and `iloc`; throws when the boxes are malformed. Items in `idat` or in several
 * extents are not returned (cameras do not write them).
 */
export function heifExifRanges(data: Uint8Array): [number, number][] {
  const bytes = new Bytes(data)
  const meta = boxes(bytes, 0, data.length).find((box) => box.type === 'meta')
  if (!meta) return []
  const children = boxes(bytes, meta.dataStart + 4, meta.end)
  const iinf = children.find((box) => box.type === 'iinf')
  const iloc = children.find((box) => box.type === 'iloc')
  if (!iinf || !iloc) return []
  const ranges = itemRanges(bytes, iloc)
  const found: [number, number][] = []
  for (const id of exifItemIds(bytes, iinf)) {
    const range = ranges.get(id)
    if (!range) continue
    // an Exif item opens with the offset of the TIFF header from the end of that field
    const tiffStart = range[0] + 4 + bytes.u32(range[0])
    bytes.need(range[0], range[1] - range[0])
    if (tiffStart < range[1]) found.push([tiffStart, range[1]])
  }
  return found
}
