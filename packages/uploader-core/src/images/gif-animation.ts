import { Bytes } from './bytes.js'

/** Offset past a run of GIF data sub-blocks (each a length byte and that many bytes, ended by a zero). */
function skipSubBlocks(bytes: Bytes, at: number): number {
  let next = at
  for (let size = bytes.u8(next); size !== 0; size = bytes.u8(next)) next += size + 1
  return next + 1
}

/** Size of a colour table flagged in a packed field (0 when there is none). */
const colourTable = (packed: number) => (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0)

/**
 * True for an animated GIF: a NETSCAPE2.0 (or ANIMEXTS1.0) looping extension, or more than one image.
 * Walks the block structure (never the pixel data); a file cut short counts as animated when it
 * showed two images or a looping extension before the cut, and throws otherwise.
 */
export function isAnimatedGif(data: Uint8Array): boolean {
  const bytes = new Bytes(data)
  let at = 13 + colourTable(bytes.u8(10))
  let images = 0
  for (;;) {
    const block = bytes.u8(at)
    if (block === 0x3b) return false
    if (block === 0x2c) {
      if (++images > 1) return true
      at = skipSubBlocks(bytes, at + 10 + colourTable(bytes.u8(at + 9)) + 1)
    } else if (block === 0x21) {
      const label = bytes.u8(at + 1)
      if (
        label === 0xff &&
        bytes.u8(at + 2) === 11 &&
        /^(NETSCAPE2\.0|ANIMEXTS1\.0)$/.test(bytes.ascii(at + 3, 11))
      ) {
        return true
      }
      at = skipSubBlocks(bytes, at + 2)
    } else {
      throw new RangeError(`malformed GIF: block 0x${block.toString(16)} at ${at}`)
    }
  }
}
