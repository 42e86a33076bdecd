import { Bytes } from './bytes.js'

/** One chunk of a PNG file. */
export interface PngChunk {
  type: string
  /** Offset of its length field. */
  start: number
  /** Offset of its payload. */
  dataStart: number
  /** Offset of its CRC. */
  dataEnd: number
}

/** The chunks of a PNG up to IEND; throws when malformed. */
export function pngChunks(data: Uint8Array): PngChunk[] {
  const bytes = new Bytes(data)
  if (bytes.ascii(0, 8) !== '\x89PNG\r\n\x1a\n') throw new RangeError('not a PNG: no signature')
  const chunks: PngChunk[] = []
  for (let at = 8; at < data.length; ) {
    const length = bytes.u32(at)
    const chunk = { type: bytes.ascii(at + 4, 4), start: at, dataStart: at + 8, dataEnd: at + 8 + length }
    bytes.need(chunk.dataEnd, 4)
    chunks.push(chunk)
    if (chunk.type === 'IEND') break
    at = chunk.dataEnd + 4
  }
  return chunks
}

let table: Uint32Array | undefined

/** CRC-32 (ISO 3309, as PNG uses it) of `data[start, end)`. */
function crc32(data: Uint8Array, start: number, end: number): number {
  table ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  let crc = 0xffffffff
  for (let i = start; i < end; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

/** Rewrites a chunk's CRC after its payload was edited in place. */
export function updateChunkCrc(data: Uint8Array, chunk: PngChunk): void {
  new DataView(data.buffer, data.byteOffset).setUint32(
    chunk.dataEnd,
    crc32(data, chunk.start + 4, chunk.dataEnd),
  )
}
