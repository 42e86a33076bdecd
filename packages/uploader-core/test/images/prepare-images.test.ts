// @vitest-environment node
// Node has Blob and File but no createImageBitmap or Worker: what needs no decoding runs for real
// here; rendering is stubbed (the real one runs in Chromium, e2e/tests/images.spec.ts).
import exifr from 'exifr'
import sharp from 'sharp'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ImageRenderer } from '../../src/images/image-renderer.js'
import { prepareImages } from '../../src/images/index.js'
import { exifSegment, exifTiff, heicWithExif, photoJpeg, withSegments } from './fixtures.js'

afterEach(() => vi.restoreAllMocks())

const signal = new AbortController().signal
const part = (bytes: Buffer | string) => (typeof bytes === 'string' ? bytes : new Uint8Array(bytes))
const file = (bytes: Buffer | string, name: string, type = '') =>
  new File([part(bytes)], name, { type, lastModified: 7 })
const read = async (blob: Blob) => Buffer.from(await blob.arrayBuffer())
const quietly = () => vi.spyOn(console, 'warn').mockImplementation(() => {})
const gpsJpeg = async (width: number, height: number) =>
  withSegments(await photoJpeg({ width, height }), exifSegment(exifTiff({ orientation: 6 })))

describe('prepareImages: files within the limits', () => {
  it('uploads a JPEG as it is, with only the GPS block blanked (same length, same name, type and date)', async () => {
    const original = await gpsJpeg(120, 80)
    const out = (await prepareImages()(file(original, 'small.jpg', 'image/jpeg'), { signal })) as File
    expect([out.name, out.type, out.lastModified, out.size]).toEqual([
      'small.jpg',
      'image/jpeg',
      7,
      original.length,
    ])
    const bytes = await read(out)
    const segmentEnd = 2 + exifSegment(exifTiff()).length
    expect(bytes.subarray(segmentEnd).equals(original.subarray(segmentEnd))).toBe(true)
    const metadata = await exifr.parse(bytes, { gps: true })
    expect(metadata).toMatchObject({ Make: 'Upkit Camera', Orientation: 'Rotate 90 CW' })
    expect(metadata.latitude).toBeUndefined()
  })

  it('returns the very same file when there is nothing to do, and keeps GPS when asked to', async () => {
    const plain = file(await photoJpeg({ width: 50, height: 50 }), 'plain.jpg', 'image/jpeg')
    expect(await prepareImages()(plain, { signal })).toBe(plain)
    const located = file(await gpsJpeg(50, 50), 'gps.jpg', 'image/jpeg')
    expect(await prepareImages({ removeLocation: false })(located, { signal })).toBe(located)
    const svg = file('<svg xmlns="http://www.w3.org/2000/svg"/>', 'logo.svg', 'image/svg+xml')
    expect(await prepareImages()(svg, { signal })).toBe(svg)
    const text = file('hello', 'notes.txt', 'text/plain')
    expect(await prepareImages()(text, { signal })).toBe(text)
    const frame = (c: string) =>
      sharp({ create: { width: 4000, height: 10, channels: 3, background: c } })
        .png()
        .toBuffer()
    const gif = await sharp([await frame('red'), await frame('blue')], { join: { animated: true } })
      .gif()
      .toBuffer()
    const animated = file(gif, 'wide.gif', 'image/gif')
    expect(await prepareImages()(animated, { signal })).toBe(animated)
  })

  it('reads only the header of a large JPEG, and keeps the rest of its bytes as they were', async () => {
    const original = await gpsJpeg(3000, 2000)
    expect(original.length).toBeGreaterThan(512 * 1024)
    const prepare = prepareImages({ maxWidth: 4000, maxHeight: 4000 })
    const out = await prepare(file(original, 'large.jpg', 'image/jpeg'), { signal })
    const bytes = await read(out)
    expect(bytes.length).toBe(original.length)
    const segmentEnd = 2 + exifSegment(exifTiff()).length
    expect(bytes.subarray(segmentEnd).equals(original.subarray(segmentEnd))).toBe(true)
    expect((await exifr.parse(bytes, { gps: true })).latitude).toBeUndefined()
  })

  it('keeps a Blob a Blob', async () => {
    const out = await prepareImages()(new Blob([part(await gpsJpeg(40, 40))]), { signal })
    expect(out).not.toBeInstanceOf(File)
    expect(out.type).toBe('image/jpeg')
  })
})

describe('prepareImages: HEIC', () => {
  it('gives a HEIC without a type its real one, removes its location, and notes once that it cannot decode it', async () => {
    const warn = quietly()
    const prepare = prepareImages()
    const heic = heicWithExif(exifTiff())
    const out = (await prepare(file(heic, 'IMG_0001.HEIC'), { signal })) as File
    expect([out.name, out.type, out.size]).toEqual(['IMG_0001.HEIC', 'image/heic', heic.length])
    expect((await exifr.parse(await read(out), { gps: true })).latitude).toBeUndefined()
    await prepare(file(heic, 'IMG_0002.HEIC', 'application/octet-stream'), { signal })
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0]?.[0]).toMatch(/cannot decode image\/heic; such files are uploaded as they are/)
  })

  it('detectType tells the engine the type before its allowedFileTypes check', async () => {
    const { detectType } = prepareImages()
    expect(await detectType(new Blob([part(heicWithExif(exifTiff()))]))).toBe('image/heic')
    expect(await detectType(new Blob(['plain text']))).toBeUndefined()
  })
})

describe('prepareImages: trouble', () => {
  it('uploads a file it cannot decode with its location removed, and says why', async () => {
    const warn = quietly()
    const original = await gpsJpeg(3000, 2000)
    const out = await prepareImages()(file(original, 'big.jpg', 'image/jpeg'), { signal })
    expect(out.size).toBe(original.length)
    expect((await exifr.parse(await read(out), { gps: true })).latitude).toBeUndefined()
    expect(warn).toHaveBeenCalledWith(
      '[upkit] prepareImages: could not prepare "big.jpg" (this browser has no createImageBitmap); uploading it with only its location removed.',
    )
  })

  it('uploads a corrupt JPEG unchanged with a note, or rejects with onError: "throw"', async () => {
    const warn = quietly()
    const corrupt = file(
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x40, 0x00]), Buffer.alloc(50, 9)]),
      'bad.jpg',
      'image/jpeg',
    )
    expect(await prepareImages()(corrupt, { signal })).toBe(corrupt)
    expect(warn.mock.calls[0]?.[0]).toMatch(
      /could not prepare "bad.jpg" \(malformed image.*\); uploading it unchanged\./,
    )
    await expect(prepareImages({ onError: 'throw' })(corrupt, { signal })).rejects.toThrow(RangeError)
  })

  it('rejects with the abort reason, before or during the work', async () => {
    const controller = new AbortController()
    controller.abort(new DOMException('cancelled', 'AbortError'))
    const photo = file(await gpsJpeg(40, 40), 'a.jpg', 'image/jpeg')
    await expect(prepareImages()(photo, controller)).rejects.toThrow('cancelled')
    const later = new AbortController()
    vi.spyOn(ImageRenderer.prototype, 'render').mockImplementation(async () => {
      later.abort(new DOMException('removed', 'AbortError'))
      throw new DOMException('removed', 'AbortError')
    })
    const big = file(await gpsJpeg(3000, 2000), 'b.jpg', 'image/jpeg')
    await expect(prepareImages()(big, later)).rejects.toThrow('removed')
  })
})

describe('prepareImages: re-encoded output', () => {
  const rendered = (blob: Blob) =>
    vi.spyOn(ImageRenderer.prototype, 'render').mockResolvedValue({ blob, width: 10, height: 10 })

  it('keeps the input when the output is not smaller', async () => {
    const original = file(await gpsJpeg(3000, 2000), 'huge.jpg', 'image/jpeg')
    rendered(new Blob([new Uint8Array(original.size + 1)], { type: 'image/jpeg' }))
    const out = await prepareImages()(original, { signal })
    expect(out.size).toBe(original.size)
  })

  it('renames the file to its new type, and asks for the opaque PNG as PNG or JPEG', async () => {
    const png = await sharp({ create: { width: 3000, height: 10, channels: 3, background: '#123' } })
      .png()
      .toBuffer()
    const render = rendered(new Blob([new Uint8Array(10)], { type: 'image/jpeg' }))
    const out = (await prepareImages()(file(png, 'screen.shot.png', 'image/png'), { signal })) as File
    expect([out.name, out.type, out.size]).toEqual(['screen.shot.jpg', 'image/jpeg', 10])
    expect(render.mock.calls[0]?.[1]).toMatchObject({
      opaqueTypes: ['image/png', 'image/jpeg'],
      checkAlpha: false,
    })
  })

  it("puts the source's ICC profile into a JPEG re-encoded from raw pixels", async () => {
    const p3 = await sharp(await photoJpeg({ width: 3000, height: 100 }))
      .withIccProfile('p3')
      .jpeg()
      .toBuffer()
    const encoded = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#f00' } })
      .withIccProfile('srgb')
      .jpeg()
      .toBuffer()
    const render = rendered(new Blob([encoded], { type: 'image/jpeg' }))
    const out = await prepareImages()(file(p3, 'wide-gamut.jpg', 'image/jpeg'), { signal })
    expect(render.mock.calls[0]?.[1]).toMatchObject({ colorSpaceConversion: 'none', maxWidth: 2560 })
    const [source, result] = await Promise.all([sharp(p3).metadata(), sharp(await read(out)).metadata()])
    expect(result.icc?.equals(source.icc!)).toBe(true)
    expect(result.width).toBe(10)
    const noProfile = await prepareImages({ keepColorProfile: false })(file(p3, 'x.jpg', 'image/jpeg'), {
      signal,
    })
    expect(render.mock.calls[1]?.[1]).toMatchObject({ colorSpaceConversion: 'default' })
    expect((await sharp(await read(noProfile)).metadata()).icc?.equals(source.icc!)).toBe(false)
  })

  it('prepares one file at a time', async () => {
    let running = 0
    let most = 0
    vi.spyOn(ImageRenderer.prototype, 'render').mockImplementation(async () => {
      most = Math.max(most, ++running)
      await new Promise((resolve) => setTimeout(resolve, 5))
      running--
      return null
    })
    const prepare = prepareImages()
    const big = await photoJpeg({ width: 2600, height: 100 })
    await Promise.all([1, 2, 3].map((n) => prepare(file(big, `${n}.jpg`, 'image/jpeg'), { signal })))
    expect(most).toBe(1)
  })
})
