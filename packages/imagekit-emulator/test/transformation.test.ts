import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { messages } from '../src/index.js'
import { type Harness, harness, stopHarness, uploadV1 } from './helpers.js'
import { blob, sharp, tinyMp4 } from './media-fixtures.js'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => stopHarness(h))

const post = (steps: unknown[]) => JSON.stringify({ post: steps })

describe('transformation (OAS v1.0.0.yaml FileUpload.transformation, upload 400 examples)', () => {
  it.each([
    ['malformed JSON', '{"pre": "w-100"'],
    ['neither pre nor post', '{}'],
    ['an empty pre', '{"pre": ""}'],
    ['an unknown post type', post([{ type: 'blur' }])],
    ['abs without a protocol', post([{ type: 'abs', value: 'sr-240_360' }])],
  ])('answers the spec message to %s', async (_, transformation) => {
    const answer = await uploadV1(h, {
      file: blob(tinyMp4(), 'video/mp4'),
      fileName: 'a.mp4',
      transformation,
    })
    expect(answer.status).toBe(400)
    expect(answer.body.message).toBe(
      'The file could not be uploaded because the transformation field is invalid.',
    )
  })

  it('refuses transformations on files that are neither images nor videos', async () => {
    const answer = await uploadV1(h, { transformation: post([{ type: 'transformation', value: 'w-100' }]) })
    expect(answer.status).toBe(400)
    expect(answer.body.message).toBe(messages.transformationFileType)
  })

  it.skipIf(!sharp).each([
    ['thumbnail', { type: 'thumbnail' }],
    ['abs', { type: 'abs', value: 'sr-240_360', protocol: 'hls' }],
    ['gif-to-video', { type: 'gif-to-video' }],
  ])('refuses a %s post-transformation for a PNG (the docs: videos / GIFs only)', async (_, step) => {
    const png = await sharp!({ create: { width: 8, height: 8, channels: 3, background: '#0a0' } })
      .png()
      .toBuffer()
    const answer = await uploadV1(h, {
      file: blob(png, 'image/png'),
      fileName: 'p.png',
      transformation: post([step]),
    })
    expect(answer.status).toBe(400)
    expect(answer.body.message).toBe(
      'The file could not be uploaded because the detected file type & post-transformation are incompatible.',
    )
    expect(await h.emu.files()).toEqual([])
  })

  it('refuses gif-to-video for a video, and accepts the video post types for one', async () => {
    const video = () => blob(tinyMp4(), 'video/mp4')
    const refused = await uploadV1(h, {
      file: video(),
      fileName: 'v.mp4',
      transformation: post([{ type: 'gif-to-video' }]),
    })
    expect(refused.body.message).toBe(messages.postTransformationIncompatible)
    const steps = [
      { type: 'thumbnail' },
      { type: 'abs', value: 'sr-240_360', protocol: 'dash' },
      { type: 'transformation', value: 'w-100' },
    ]
    const accepted = await uploadV1(h, { file: video(), fileName: 'v.mp4', transformation: post(steps) })
    expect(accepted.status).toBe(200)
  })

  it.skipIf(!sharp)('accepts gif-to-video for a GIF', async () => {
    const gif = await sharp!({ create: { width: 8, height: 8, channels: 3, background: '#00f' } })
      .gif()
      .toBuffer()
    const answer = await uploadV1(h, {
      file: blob(gif, 'image/gif'),
      fileName: 'g.gif',
      transformation: post([{ type: 'gif-to-video' }]),
    })
    expect(answer.status).toBe(200)
  })
})
