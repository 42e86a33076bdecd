/**
 * Real image files for the images tests (unit and e2e): pixels from sharp, EXIF and container
 * boxes built by hand so every tag and offset is known.
 */
import { crc32 } from 'node:zlib'
import sharp from 'sharp'

type Value = { type: number; count: number; bytes: Buffer }
type Entry = { tag: number; value: Value | 'exif' | 'gps' }

const ascii = (text: string): Value => ({
  type: 2,
  count: text.length + 1,
  bytes: Buffer.from(`${text}\0`, 'latin1'),
})
const short = (n: number, le: boolean): Value => {
  const bytes = Buffer.alloc(2)
  le ? bytes.writeUInt16LE(n) : bytes.writeUInt16BE(n)
  return { type: 3, count: 1, bytes }
}
const rationals = (values: number[], le: boolean): Value => {
  const bytes = Buffer.alloc(8 * values.length)
  values.forEach((v, i) => {
    const write = (n: number, at: number) => (le ? bytes.writeUInt32LE(n, at) : bytes.writeUInt32BE(n, at))
    write(Math.round(v * 1000), 8 * i)
    write(1000, 8 * i + 4)
  })
  return { type: 5, count: values.length, bytes }
}

export interface ExifSpec {
  orientation?: number
  gps?: boolean
  littleEndian?: boolean
}

/** A TIFF/EXIF payload: IFD0 (Make, Orientation, Exif and GPS pointers), Exif IFD (DateTimeOriginal), GPS IFD (51.5 N, 0.12 W). */
export function exifTiff({ orientation = 1, gps = true, littleEndian = false }: ExifSpec = {}): Buffer {
  const le = littleEndian
  const ifd0: Entry[] = [
    { tag: 0x010f, value: ascii('Upkit Camera') },
    { tag: 0x0112, value: short(orientation, le) },
    { tag: 0x8769, value: 'exif' },
    ...(gps ? [{ tag: 0x8825, value: 'gps' } as Entry] : []),
  ]
  const exif: Entry[] = [{ tag: 0x9003, value: ascii('2026:05:04 10:11:12') }]
  const gpsIfd: Entry[] = [
    { tag: 0x0000, value: { type: 1, count: 4, bytes: Buffer.from([2, 3, 0, 0]) } },
    { tag: 0x0001, value: ascii('N') },
    { tag: 0x0002, value: rationals([51, 30, 26.5], le) },
    { tag: 0x0003, value: ascii('W') },
    { tag: 0x0004, value: rationals([0, 7, 39.9], le) },
  ]
  const size = (entries: Entry[]) =>
    6 +
    12 * entries.length +
    entries.reduce(
      (n, e) => n + (typeof e.value === 'object' && e.value.bytes.length > 4 ? e.value.bytes.length : 0),
      0,
    )
  const at = { ifd0: 8, exif: 8 + size(ifd0), gps: 8 + size(ifd0) + size(exif) }
  const out = Buffer.alloc(at.gps + (gps ? size(gpsIfd) : 0))
  out.write(le ? 'II' : 'MM', 0, 'latin1')
  le ? out.writeUInt16LE(42, 2) : out.writeUInt16BE(42, 2)
  le ? out.writeUInt32LE(8, 4) : out.writeUInt32BE(8, 4)
  writeIfd(out, at.ifd0, ifd0, at, le)
  writeIfd(out, at.exif, exif, at, le)
  if (gps) writeIfd(out, at.gps, gpsIfd, at, le)
  return out
}

function writeIfd(
  out: Buffer,
  start: number,
  entries: Entry[],
  at: Record<string, number>,
  le: boolean,
): void {
  const u16 = (n: number, o: number) => (le ? out.writeUInt16LE(n, o) : out.writeUInt16BE(n, o))
  const u32 = (n: number, o: number) => (le ? out.writeUInt32LE(n, o) : out.writeUInt32BE(n, o))
  u16(entries.length, start)
  let data = start + 6 + 12 * entries.length
  entries.forEach(({ tag, value }, i) => {
    const entry = start + 2 + 12 * i
    u16(tag, entry)
    if (typeof value === 'string') {
      u16(4, entry + 2)
      u32(1, entry + 4)
      u32(at[value] as number, entry + 8)
      return
    }
    u16(value.type, entry + 2)
    u32(value.count, entry + 4)
    if (value.bytes.length <= 4) value.bytes.copy(out, entry + 8)
    else {
      u32(data, entry + 8)
      value.bytes.copy(out, data)
      data += value.bytes.length
    }
  })
  u32(0, start + 2 + 12 * entries.length)
}

/** An XMP packet with GPS properties as attributes and as elements (how Lightroom and phones write them). */
export function xmpWithGps(): string {
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmp:CreatorTool="Upkit" exif:GPSLatitude="51,30.44N" exif:GPSLongitude='0,7.66W'>
<exif:GPSAltitude>12/1</exif:GPSAltitude><exif:GPSVersionID/>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`
}

/** A JPEG marker segment (marker byte, length, payload). */
export function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0])
  head.writeUInt16BE(payload.length + 2, 2)
  return Buffer.concat([head, payload])
}

export const exifSegment = (tiff: Buffer) =>
  segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]))
export const xmpSegment = (xmp: string) =>
  segment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0${xmp}`, 'latin1'))

/** The JPEG with `segments` inserted right after its start-of-image marker. */
export function withSegments(jpeg: Buffer, ...segments: Buffer[]): Buffer {
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)])
}

/** A PNG chunk (length, type, payload, CRC). */
export function pngChunk(type: string, payload: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(payload.length)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), payload])))
  return Buffer.concat([head, payload, crc])
}

/** The PNG with `chunks` inserted after IHDR. */
export function withPngChunks(png: Buffer, ...chunks: Buffer[]): Buffer {
  const afterHeader = 8 + 8 + png.readUInt32BE(8) + 4
  return Buffer.concat([png.subarray(0, afterHeader), ...chunks, png.subarray(afterHeader)])
}

export interface PhotoSpec {
  width: number
  height: number
  /** A red square in the stored pixels' top-left corner (before any EXIF orientation). */
  marker?: boolean
  /** Noise amplitude (± levels): detail, so sizes are like a photo's rather than a flat image's. @default 14 */
  noise?: number
  seed?: number
}

/** RGB pixels: two gradients, soft waves and noise, optionally a red marker square top-left. */
export function photoPixels({ width, height, marker = false, noise = 14, seed = 1 }: PhotoSpec): Buffer {
  const raw = Buffer.alloc(width * height * 3)
  let state = seed * 2654435761 || 1
  const random = () => {
    // xorshift32: deterministic noise, fast enough for 24 MP
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return ((state >>> 0) / 4294967296 - 0.5) * 2 * noise
  }
  const side = Math.round(Math.min(width, height) * 0.08)
  for (let y = 0, i = 0; y < height; y++) {
    const wave = 24 * Math.sin(y / 37)
    for (let x = 0; x < width; x++, i += 3) {
      const inMarker = marker && x < side && y < side
      const base = 60 + (120 * x) / width + wave * Math.sin(x / 53)
      raw[i] = inMarker ? 255 : base + random()
      raw[i + 1] = inMarker ? 0 : 40 + (150 * y) / height + random()
      raw[i + 2] = inMarker ? 0 : 180 - (100 * x) / width + random()
    }
  }
  return raw
}

/** A photo-like JPEG (sharp, quality 90 by default). */
export async function photoJpeg(spec: PhotoSpec & { quality?: number }): Promise<Buffer> {
  const { width, height } = spec
  return sharp(photoPixels(spec), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: spec.quality ?? 90 })
    .toBuffer()
}

function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload)
  const head = Buffer.alloc(8)
  head.writeUInt32BE(8 + body.length)
  head.write(type, 4, 'latin1')
  return Buffer.concat([head, body])
}
const fullBox = (type: string, version: number, ...payload: Buffer[]) =>
  box(type, Buffer.from([version, 0, 0, 0]), ...payload)
const u16 = (n: number) => Buffer.from([n >> 8, n & 255])
const u32 = (n: number) => {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n)
  return b
}

/**
 * A HEIC container as an iPhone lays it out (`ftyp` heic/mif1, `meta` with hdlr, iinf, iloc, and
 * an `Exif` item in `mdat`), holding `tiff` and no decodable picture: enough for sniffing, EXIF
 * readers and location removal, while every browser fails to decode it (as Chromium does real HEIC).
 */
export function heicWithExif(tiff: Buffer, brands: [string, ...string[]] = ['heic', 'mif1', 'heic']): Buffer {
  const [major, ...compatible] = brands
  const ftyp = box(
    'ftyp',
    Buffer.from(major, 'latin1'),
    u32(0),
    ...compatible.map((b) => Buffer.from(b, 'latin1')),
  )
  const item = Buffer.concat([u32(6), Buffer.from('Exif\0\0', 'latin1'), tiff])
  const meta = (offset: number) =>
    fullBox(
      'meta',
      0,
      fullBox('hdlr', 0, u32(0), Buffer.from('pict', 'latin1'), Buffer.alloc(12), Buffer.from([0])),
      fullBox('pitm', 0, u16(1)),
      fullBox('iinf', 0, u16(1), fullBox('infe', 2, u16(1), u16(0), Buffer.from('Exif\0', 'latin1'))),
      fullBox(
        'iloc',
        0,
        Buffer.from([0x44, 0x00]),
        u16(1),
        u16(1),
        u16(0),
        u16(1),
        u32(offset),
        u32(item.length),
      ),
    )
  const offset = ftyp.length + meta(0).length + 8
  return Buffer.concat([ftyp, meta(offset), box('mdat', item)])
}
