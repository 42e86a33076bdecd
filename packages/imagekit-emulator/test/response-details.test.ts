import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hammingDistance } from '../src/phash.js'
import { basic, type Harness, harness, stopHarness, uploadV1 } from './helpers.js'
import { blob, sharp, tinyMp4 } from './media-fixtures.js'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => stopHarness(h))

const metadataOf = async (fileId: unknown) => {
  const response = await fetch(`${h.emu.url}/v1/files/${String(fileId)}/metadata`, {
    headers: { Authorization: basic(h.emu.keys.primary.privateKey) },
  })
  return (await response.json()) as Record<string, unknown>
}

/** A photo-like gradient, so the pHash has structure to hash. */
async function gradient(width: number, height: number, flip = false): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3
      const v = Math.round((255 * (flip ? width - x : x)) / width)
      pixels.set([v, Math.round((255 * y) / height), (x * y) % 256 > 128 ? 200 : 40], i)
    }
  }
  return sharp!(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer()
}

describe.skipIf(!sharp)(
  'image details from the real bytes (OAS Upload / Metadata / EmbeddedMetadata)',
  () => {
    it('answers EXIF orientation, and the EXIF in metadata.exif and embeddedMetadata', async () => {
      const jpeg = await sharp!(await gradient(64, 48))
        .withExif({ IFD0: { Artist: 'Ada Lovelace', Copyright: 'CC0' } })
        .withMetadata({ density: 300, orientation: 6 })
        .jpeg()
        .toBuffer()
      const answer = await uploadV1(h, {
        file: blob(jpeg, 'image/jpeg'),
        fileName: 'exif.jpg',
        responseFields: 'metadata,embeddedMetadata',
      })
      expect(answer.status).toBe(200)
      // Orientation 6 is a quarter turn: ImageKit answers the displayed size.
      expect(answer.body).toMatchObject({ orientation: 6, width: 48, height: 64 })
      const metadata = answer.body.metadata as Record<string, Record<string, Record<string, unknown>>>
      expect(metadata.exif?.image).toMatchObject({ Artist: 'Ada Lovelace', Copyright: 'CC0', Orientation: 6 })
      expect(metadata).toMatchObject({ format: 'jpg', density: 300, quality: 0, hasTransparency: false })
      expect(answer.body.embeddedMetadata).toMatchObject({
        Artist: 'Ada Lovelace',
        Copyright: 'CC0',
        Orientation: 'Rotate 90 CW',
        // As the OAS example: raw version strings, ColorSpace translated.
        ExifVersion: '0210',
        ColorSpace: 'Uncalibrated',
      })
    })

    it('leaves out orientation, answers exif {} and density 72 for a PNG without metadata', async () => {
      const png = await sharp!({
        create: { width: 10, height: 10, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } },
      })
        .png()
        .toBuffer()
      const answer = await uploadV1(h, {
        file: blob(png, 'image/png'),
        fileName: 'a.png',
        responseFields: 'metadata,embeddedMetadata',
      })
      expect(answer.body).not.toHaveProperty('orientation')
      expect(answer.body.metadata).toMatchObject({
        format: 'png',
        exif: {},
        density: 72,
        hasTransparency: true,
      })
      // exifr reads the PNG header too; there is no EXIF to add.
      expect(answer.body.embeddedMetadata).toMatchObject({
        ImageWidth: 10,
        ImageHeight: 10,
        ColorType: 'RGB with Alpha',
      })
      expect(answer.body.embeddedMetadata).not.toHaveProperty('Orientation')
    })

    it('computes a pHash: near-equal for a resized copy, far for another picture', async () => {
      const send = async (bytes: Buffer) => {
        const answer = await uploadV1(h, {
          file: blob(bytes, 'image/jpeg'),
          fileName: 'p.jpg',
          responseFields: 'metadata',
        })
        return (answer.body.metadata as { pHash: string }).pHash
      }
      const original = await send(await gradient(200, 150))
      expect(original).toMatch(/^[0-9a-f]{16}$/)
      const smaller = await send(
        await sharp!(await gradient(200, 150))
          .resize(100)
          .jpeg({ quality: 60 })
          .toBuffer(),
      )
      const other = await send(await gradient(200, 150, true))
      // The usual pHash thresholds: ≤ 10 bits apart is the same picture, ≥ 20 another one.
      expect(hammingDistance(original, smaller)).toBeLessThanOrEqual(10)
      expect(hammingDistance(original, other)).toBeGreaterThanOrEqual(20)
    })

    it('answers the same metadata from GET /v1/files/{id}/metadata', async () => {
      const answer = await uploadV1(h, {
        file: blob(await gradient(40, 30), 'image/jpeg'),
        fileName: 'm.jpg',
        responseFields: 'metadata',
      })
      expect(await metadataOf(answer.body.fileId)).toEqual(answer.body.metadata)
    })
  },
)

describe('video details from an MP4 (mp4box; OAS UploadResonseVideo / VideoMetadata)', () => {
  it('answers size, duration, bit rate and codecs, top level and in metadata', async () => {
    const answer = await uploadV1(h, {
      file: blob(tinyMp4(2), 'video/mp4'),
      fileName: 'clip.mp4',
      responseFields: 'metadata',
    })
    expect(answer.status).toBe(200)
    const streams = {
      width: 320,
      height: 240,
      duration: 2,
      bitRate: 16000,
      videoCodec: 'h264',
      audioCodec: 'aac',
    }
    expect(answer.body).toMatchObject({ fileType: 'non-image', ...streams })
    expect(answer.body).not.toHaveProperty('thumbnailUrl')
    expect(answer.body.metadata).toEqual({ ...streams, size: answer.body.size })
    expect(await metadataOf(answer.body.fileId)).toEqual(answer.body.metadata)
  })

  it('leaves audioCodec out of a silent video, and probes an MP4 sent without a video mime', async () => {
    const answer = await uploadV1(h, {
      file: blob(tinyMp4(3, false), 'application/octet-stream'),
      fileName: 'silent.bin',
    })
    expect(answer.body).toMatchObject({ duration: 3, videoCodec: 'h264' })
    expect(answer.body).not.toHaveProperty('audioCodec')
    expect((await h.emu.files())[0]?.mime).toBe('video/mp4')
  })

  it('does not probe other containers (the gap: WebM, MKV…)', async () => {
    const webm = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01])
    const answer = await uploadV1(h, { file: blob(webm, 'video/webm'), fileName: 'clip.webm' })
    expect(answer.status).toBe(200)
    expect(answer.body).not.toHaveProperty('duration')
  })
})
