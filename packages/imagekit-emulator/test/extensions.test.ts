import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Harness, harness, stopHarness, uploadV1 } from './helpers.js'
import { blob, sharp } from './media-fixtures.js'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => stopHarness(h))

const extensions = (...list: unknown[]) => JSON.stringify(list)
const google = (maxTags = 5, minConfidence = 50) => ({ name: 'google-auto-tagging', maxTags, minConfidence })

async function redJpeg(width = 120, height = 80): Promise<Blob> {
  const bytes = await sharp!({ create: { width, height, channels: 3, background: '#d11' } })
    .jpeg()
    .toBuffer()
  return blob(bytes, 'image/jpeg')
}

describe('extensions: checked like the OAS and the docs say', () => {
  it.each([
    ['not JSON', '[{"name":'],
    ['not an array', JSON.stringify({ name: 'remove-bg' })],
    ['an unknown name', extensions({ name: 'magic-wand' })],
    ['auto-tagging without maxTags', extensions({ name: 'aws-auto-tagging', minConfidence: 80 })],
    ['auto-tagging without minConfidence', extensions({ name: 'google-auto-tagging', maxTags: 5 })],
    ['minConfidence over 100', extensions(google(5, 101))],
    ['maxTags over 30', extensions(google(31, 10))],
    ['a fractional maxTags', extensions(google(2.5, 10))],
    [
      'remove-bg with both backgrounds',
      extensions({ name: 'remove-bg', options: { bg_color: 'fff', bg_image_url: 'https://x/y.png' } }),
    ],
    ['ai-tasks without tasks', extensions({ name: 'ai-tasks' })],
  ])('refuses %s with a 400, storing nothing', async (_, value) => {
    const answer = await uploadV1(h, { extensions: value })
    expect(answer.status).toBe(400)
    expect(answer.body.message).toMatch(/^Your request contains invalid extensions parameter\. \S/)
    expect(await h.emu.files()).toEqual([])
  })

  it('names what is wrong', async () => {
    const unknown = await uploadV1(h, { extensions: extensions({ name: 'magic-wand' }) })
    expect(unknown.body.message).toContain('magic-wand')
    const missing = await uploadV1(h, {
      extensions: extensions({ name: 'aws-auto-tagging', minConfidence: 80 }),
    })
    expect(missing.body.message).toContain('maxTags')
  })
})

describe.skipIf(!sharp)('extensions on an image: deterministic results from the bytes', () => {
  it('fills AITags within maxTags and minConfidence, with the extension as source', async () => {
    const answer = await uploadV1(h, {
      file: await redJpeg(),
      fileName: 'red.jpg',
      extensions: extensions(google(3, 50), { name: 'aws-auto-tagging', maxTags: 30, minConfidence: 90 }),
    })
    expect(answer.status).toBe(200)
    expect(answer.body.extensionStatus).toEqual({
      'google-auto-tagging': 'success',
      'aws-auto-tagging': 'success',
    })
    const tags = answer.body.AITags as { name: string; confidence: number; source: string }[]
    const bySource = (source: string) => tags.filter((tag) => tag.source === source)
    expect(bySource('google-auto-tagging')).toHaveLength(3)
    expect(bySource('google-auto-tagging')[0]?.name).toBe('Red')
    expect(bySource('aws-auto-tagging').length).toBeGreaterThan(0)
    for (const tag of bySource('aws-auto-tagging')) expect(tag.confidence).toBeGreaterThanOrEqual(90)
    for (const tag of tags) expect(tag.confidence).toBeLessThanOrEqual(100)
  })

  it('answers the same tags for the same bytes, other confidences for other bytes', async () => {
    const send = async (file: Blob) =>
      (await uploadV1(h, { file, fileName: 'x.jpg', extensions: extensions(google(10, 0)) })).body.AITags
    const first = await send(await redJpeg())
    expect(await send(await redJpeg())).toEqual(first)
    expect(await send(await redJpeg(80, 120))).not.toEqual(first)
  })

  it('maxTags 0 answers an empty list; ai-auto-description writes a description', async () => {
    const answer = await uploadV1(h, {
      file: await redJpeg(),
      fileName: 'red.jpg',
      extensions: extensions(google(0, 0), { name: 'ai-auto-description' }),
    })
    expect(answer.body.AITags).toEqual([])
    expect(answer.body.description).toBe('A 120×80 landscape JPG photo, mostly red.')
    expect(answer.body.extensionStatus).toEqual({
      'google-auto-tagging': 'success',
      'ai-auto-description': 'success',
    })
  })

  it('keeps a description the client sent', async () => {
    const answer = await uploadV1(h, {
      file: await redJpeg(),
      fileName: 'red.jpg',
      description: 'Mine',
      extensions: extensions({ name: 'ai-auto-description' }),
    })
    expect(answer.body.description).toBe('Mine')
  })

  it('answers remove-bg as pending (OAS update example), with AITags null', async () => {
    const answer = await uploadV1(h, {
      file: await redJpeg(),
      fileName: 'red.jpg',
      extensions: extensions({ name: 'remove-bg', options: { add_shadow: true } }),
    })
    expect(answer.body.extensionStatus).toEqual({ 'remove-bg': 'pending' })
    expect(answer.body.AITags).toBeNull()
  })
})

describe('extensions on a file that is not an image', () => {
  it('fail, and AITags stays null', async () => {
    const answer = await uploadV1(h, { extensions: extensions(google(), { name: 'ai-auto-description' }) })
    expect(answer.status).toBe(200)
    expect(answer.body.extensionStatus).toEqual({
      'google-auto-tagging': 'failed',
      'ai-auto-description': 'failed',
    })
    expect(answer.body.AITags).toBeNull()
    expect(answer.body).not.toHaveProperty('description')
  })
})
