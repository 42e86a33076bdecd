// @vitest-environment node
import exifr from 'exifr'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { removeLocation } from '../../src/images/remove-location.js'
import { riffChunks } from '../../src/images/riff-chunks.js'
import { removeTiffGps, tiffOrientation } from '../../src/images/tiff-gps.js'
import { removeXmpGps } from '../../src/images/xmp-gps.js'
import {
  exifSegment,
  exifTiff,
  heicWithExif,
  photoJpeg,
  pngChunk,
  withPngChunks,
  withSegments,
  xmpSegment,
  xmpWithGps,
} from './fixtures.js'

const parse = (bytes: Uint8Array) =>
  exifr.parse(Buffer.from(bytes), { gps: true, xmp: true, mergeOutput: true })

/** Offsets where two equally long byte arrays differ. */
function differences(a: Uint8Array, b: Uint8Array): number[] {
  expect(b.length).toBe(a.length)
  return Array.from(a).flatMap((byte, i) => (byte === b[i] ? [] : [i]))
}

describe('removeTiffGps', () => {
  for (const littleEndian of [false, true]) {
    it(`takes the GPS IFD out and keeps every other tag (${littleEndian ? 'little' : 'big'}-endian)`, async () => {
      const tiff = exifTiff({ orientation: 6, littleEndian })
      expect(await parse(tiff)).toMatchObject({ latitude: expect.closeTo(51.507, 3), GPSLatitudeRef: 'N' })
      const edited = new Uint8Array(tiff)
      expect(removeTiffGps(edited)).toBe(true)
      const after = await parse(edited)
      expect(Object.keys(after).filter((key) => /^GPS|latitude|longitude/.test(key))).toEqual([])
      expect(after).toMatchObject({
        Make: 'Upkit Camera',
        Orientation: 'Rotate 90 CW',
        DateTimeOriginal: expect.any(Date),
      })
      expect(tiffOrientation(edited)).toBe(6)
      // the coordinates' bytes are gone too, not just unreachable
      expect(Buffer.from(edited).includes(Buffer.from(tiff.subarray(tiff.length - 48)))).toBe(false)
      expect(removeTiffGps(edited)).toBe(false)
    })
  }

  it('leaves a payload without GPS as it was, and throws on one that is not TIFF', () => {
    const tiff = new Uint8Array(exifTiff({ gps: false }))
    const before = tiff.slice()
    expect(removeTiffGps(tiff)).toBe(false)
    expect(tiff).toEqual(before)
    expect(() => removeTiffGps(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow(/EXIF/)
    expect(() => removeTiffGps(new Uint8Array(exifTiff()).subarray(0, 20))).toThrow(RangeError)
  })
})

describe('removeXmpGps', () => {
  it('blanks GPS attributes and elements with spaces, keeping the packet length and the rest', () => {
    const bytes = new Uint8Array(Buffer.from(xmpWithGps(), 'latin1'))
    expect(removeXmpGps(bytes)).toBe(true)
    const text = Buffer.from(bytes).toString('latin1')
    expect(text).not.toMatch(/GPS/)
    expect(text).toMatch(/xmp:CreatorTool="Upkit"/)
    expect(text.length).toBe(xmpWithGps().length)
    expect(removeXmpGps(bytes)).toBe(false)
  })
})

describe('removeLocation', () => {
  it('JPEG: only bytes inside the EXIF and XMP segments change; the result still decodes', async () => {
    const jpeg = withSegments(
      await photoJpeg({ width: 64, height: 48 }),
      exifSegment(exifTiff()),
      xmpSegment(xmpWithGps()),
    )
    const data = new Uint8Array(jpeg)
    expect(removeLocation(data, 'image/jpeg')).toBe(true)
    const changed = differences(jpeg, data)
    const metadataEnd = 2 + exifSegment(exifTiff()).length + xmpSegment(xmpWithGps()).length
    expect(changed.length).toBeGreaterThan(0)
    expect(changed.every((at) => at >= 2 && at < metadataEnd)).toBe(true)
    const after = await parse(data)
    expect(after.latitude).toBeUndefined()
    expect(JSON.stringify(after)).not.toMatch(/GPS/)
    expect(after).toMatchObject({ Make: 'Upkit Camera', CreatorTool: 'Upkit' })
    expect(await sharp(data).metadata()).toMatchObject({ width: 64, height: 48 })
  })

  it('JPEG written by sharp (libexif layout) loses its GPS tags too', async () => {
    const jpeg = await sharp(await photoJpeg({ width: 32, height: 32 }))
      .withExif({ IFD0: { Make: 'Phone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } })
      .toBuffer()
    const data = new Uint8Array(jpeg)
    expect(removeLocation(data, 'image/jpeg')).toBe(true)
    expect(await parse(data)).toMatchObject({ Make: 'Phone' })
    expect(JSON.stringify(await parse(data))).not.toMatch(/GPS/)
  })

  it('PNG: the eXIf chunk and a plain iTXt XMP chunk lose GPS and keep valid CRCs', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 4, background: '#0f08' } })
      .png()
      .toBuffer()
    const xmp = Buffer.from(`XML:com.adobe.xmp\0\0\0\0\0${xmpWithGps()}`, 'latin1')
    const tagged = withPngChunks(png, pngChunk('eXIf', exifTiff()), pngChunk('iTXt', xmp))
    const data = new Uint8Array(tagged)
    expect(removeLocation(data, 'image/png')).toBe(true)
    expect(Buffer.from(data).toString('latin1')).not.toMatch(/GPS/)
    const after = await parse(data)
    expect(after).toMatchObject({ Make: 'Upkit Camera' })
    expect(after.latitude).toBeUndefined()
    // libpng rejects a chunk whose CRC is wrong: decoding proves the CRCs were rewritten
    expect(await sharp(data).raw().toBuffer()).toHaveLength(8 * 8 * 4)
  })

  it('WebP: the EXIF chunk loses GPS', async () => {
    const webp = await sharp(await photoJpeg({ width: 16, height: 16 }))
      .webp()
      .withExif({ IFD0: { Make: 'Phone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } })
      .toBuffer()
    const exif = (bytes: Uint8Array) => {
      const chunk = riffChunks(bytes).find((c) => c.fourcc === 'EXIF')!
      const start =
        Buffer.from(bytes.subarray(chunk.dataStart, chunk.dataStart + 4)).toString() === 'Exif' ? 6 : 0
      return parse(bytes.slice(chunk.dataStart + start, chunk.dataEnd))
    }
    expect(await exif(webp)).toMatchObject({ GPSLatitudeRef: 'N' })
    const data = new Uint8Array(webp)
    expect(removeLocation(data, 'image/webp')).toBe(true)
    expect(await exif(data)).toMatchObject({ Make: 'Phone' })
    expect(JSON.stringify(await exif(data))).not.toMatch(/GPS/)
    expect(await sharp(data).metadata()).toMatchObject({ width: 16 })
  })

  it('HEIC: the Exif item found through iinf and iloc loses GPS', async () => {
    const heic = heicWithExif(exifTiff({ orientation: 6 }))
    const data = new Uint8Array(heic)
    expect(removeLocation(data, 'image/heic')).toBe(true)
    const after = await parse(data)
    expect(after).toMatchObject({ Make: 'Upkit Camera', Orientation: 'Rotate 90 CW' })
    expect(after.latitude).toBeUndefined()
    expect(differences(heic, data).every((at) => at > heic.length - exifTiff().length)).toBe(true)
  })

  it('reports nothing to remove for files without location, and throws on a malformed JPEG header', async () => {
    const plain = new Uint8Array(await photoJpeg({ width: 16, height: 16 }))
    expect(removeLocation(plain, 'image/jpeg')).toBe(false)
    expect(removeLocation(new Uint8Array([1, 2, 3]), 'image/gif')).toBe(false)
    expect(() => removeLocation(plain.slice(0, 30), 'image/jpeg')).toThrow(RangeError)
  })
})
