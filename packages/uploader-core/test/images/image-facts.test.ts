// @vitest-environment node
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { isAnimatedGif } from '../../src/images/gif-animation.js'
import { readImageFacts } from '../../src/images/image-facts.js'
import { exifSegment, exifTiff, photoJpeg, withSegments } from './fixtures.js'

const frame = (background: string) =>
  sharp({ create: { width: 12, height: 10, channels: 3, background } })
    .png()
    .toBuffer()
const bytes = (buffer: Buffer) => new Uint8Array(buffer)

describe('readImageFacts', () => {
  it('JPEG: the size as displayed, so orientations 5–8 swap width and height', async () => {
    const jpeg = await photoJpeg({ width: 60, height: 40 })
    expect(readImageFacts(bytes(jpeg), 'image/jpeg')).toEqual({
      width: 60,
      height: 40,
      animated: false,
      mayHaveAlpha: false,
    })
    for (const [orientation, size] of [
      [3, [60, 40]],
      [6, [40, 60]],
      [8, [40, 60]],
    ] as const) {
      const turned = withSegments(
        jpeg,
        exifSegment(exifTiff({ orientation, littleEndian: orientation === 8 })),
      )
      const facts = readImageFacts(bytes(turned), 'image/jpeg')
      expect([facts.width, facts.height]).toEqual(size)
    }
  })

  it('PNG: transparency possible only with an alpha channel or a tRNS chunk', async () => {
    const rgba = await sharp({ create: { width: 9, height: 7, channels: 4, background: '#f008' } })
      .png()
      .toBuffer()
    const rgb = await sharp({ create: { width: 9, height: 7, channels: 3, background: '#f00' } })
      .png()
      .toBuffer()
    expect(readImageFacts(bytes(rgba), 'image/png')).toEqual({
      width: 9,
      height: 7,
      animated: false,
      mayHaveAlpha: true,
    })
    expect(readImageFacts(bytes(rgb), 'image/png').mayHaveAlpha).toBe(false)
  })

  it('WebP: lossy, lossless and extended headers; animation from the ANIM chunk', async () => {
    const image = sharp({ create: { width: 300, height: 200, channels: 4, background: '#0f0' } })
    const lossy = await image.clone().removeAlpha().webp().toBuffer()
    const lossless = await image.clone().webp({ lossless: true }).toBuffer()
    expect(readImageFacts(bytes(lossy), 'image/webp')).toEqual({
      width: 300,
      height: 200,
      animated: false,
      mayHaveAlpha: false,
    })
    expect(readImageFacts(bytes(lossless), 'image/webp')).toMatchObject({
      width: 300,
      height: 200,
      animated: false,
    })
    const animated = await sharp([await frame('red'), await frame('blue')], { join: { animated: true } })
      .webp()
      .toBuffer()
    expect(readImageFacts(bytes(animated), 'image/webp')).toMatchObject({
      width: 12,
      height: 10,
      animated: true,
    })
  })

  it('GIF: animated with two frames, still with one', async () => {
    const still = await sharp(await frame('red'))
      .gif()
      .toBuffer()
    const animated = await sharp([await frame('red'), await frame('blue')], { join: { animated: true } })
      .gif({ loop: 0 })
      .toBuffer()
    expect(readImageFacts(bytes(still), 'image/gif')).toEqual({
      width: 12,
      height: 10,
      animated: false,
      mayHaveAlpha: true,
    })
    expect(isAnimatedGif(bytes(animated))).toBe(true)
    // two frames and no looping extension: still animated
    const noLoop = Buffer.from(animated.toString('latin1').replace('NETSCAPE2.0', 'XXXXXXXX2.0'), 'latin1')
    expect(isAnimatedGif(bytes(noLoop))).toBe(true)
    expect(() => isAnimatedGif(bytes(still.subarray(0, 20)))).toThrow(RangeError)
  })

  it('other types: size unknown (decoding tells), sequences count as animated', () => {
    expect(readImageFacts(new Uint8Array(8), 'image/heic')).toEqual({
      width: 0,
      height: 0,
      animated: false,
      mayHaveAlpha: true,
    })
    expect(readImageFacts(new Uint8Array(8), 'image/heic-sequence').animated).toBe(true)
  })
})
