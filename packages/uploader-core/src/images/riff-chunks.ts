import { Bytes } from './bytes.js'

/** One chunk of a WebP (RIFF) file. */
export interface RiffChunk {
  fourcc: string
  dataStart: number
  dataEnd: number
}

/** The top-level chunks of a WebP file; throws when malformed. */
export function riffChunks(data: Uint8Array): RiffChunk[] {
  const bytes = new Bytes(data)
  if (bytes.ascii(0, 4) !== 'RIFF' || bytes.ascii(8, 4) !== 'WEBP') throw new RangeError('not a WebP file')
  const end = Math.min(data.length, 8 + bytes.u32(4, true))
  const chunks: RiffChunk[] = []
  for (let at = 12; at + 8 <= end; ) {
    const size = bytes.u32(at + 4, true)
    const chunk = { fourcc: bytes.ascii(at, 4), dataStart: at + 8, dataEnd: at + 8 + size }
    bytes.need(chunk.dataStart, size)
    chunks.push(chunk)
    // chunks are padded to an even size
    at = chunk.dataEnd + (size & 1)
  }
  return chunks
}
