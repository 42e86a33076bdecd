/** Bounds-checked reads of big- and little-endian integers; out of range throws, so a malformed file never reads garbage. */
export class Bytes {
  readonly data: Uint8Array
  readonly #view: DataView

  constructor(data: Uint8Array) {
    this.data = data
    this.#view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  }

  get length(): number {
    return this.data.length
  }

  u8(at: number): number {
    this.need(at, 1)
    return this.#view.getUint8(at)
  }

  u16(at: number, littleEndian = false): number {
    this.need(at, 2)
    return this.#view.getUint16(at, littleEndian)
  }

  u32(at: number, littleEndian = false): number {
    this.need(at, 4)
    return this.#view.getUint32(at, littleEndian)
  }

  /** The bytes at `at` as Latin-1 text (one character per byte), for four-character codes and signatures. */
  ascii(at: number, length: number): string {
    this.need(at, length)
    return String.fromCharCode(...this.data.subarray(at, at + length))
  }

  /** Throws unless `length` bytes from `at` lie inside the data. */
  need(at: number, length: number): void {
    if (!Number.isInteger(at) || at < 0 || length < 0 || at + length > this.data.length) {
      throw new RangeError(`malformed image: ${length} bytes at ${at} lie outside its ${this.data.length}`)
    }
  }
}

/** Latin-1 decoding of a byte range (one character per byte, so string indexes are byte offsets). */
export function latin1(data: Uint8Array, start = 0, end = data.length): string {
  let text = ''
  // in chunks: spreading a whole XMP packet into one call could overflow the argument limit
  for (let at = start; at < end; at += 8192) {
    text += String.fromCharCode(...data.subarray(at, Math.min(end, at + 8192)))
  }
  return text
}
