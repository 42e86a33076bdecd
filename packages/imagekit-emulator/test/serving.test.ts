import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Harness, harness, png, stopHarness, uploadV1 } from './helpers.js'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => stopHarness(h))

describe('serving stored files', () => {
  it('serves a file at urlEndpoint + filePath with its content type', async () => {
    const answer = await uploadV1(h, { fileName: 'note.txt', folder: 'docs' })
    const response = await fetch(answer.body.url as string)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/plain')
    expect(response.headers.get('x-ik-requestid')).toBeTruthy()
    expect(await response.text()).toBe('hello world')
    const head = await fetch(answer.body.url as string, { method: 'HEAD' })
    expect(head.headers.get('content-length')).toBe('11')
  })

  it('serves unicode paths and 404s unknown ones', async () => {
    const answer = await uploadV1(h, { fileName: 'café.txt', useUniqueFileName: 'false' })
    expect((await fetch(answer.body.url as string)).status).toBe(200)
    expect((await fetch(`${h.emu.urlEndpoint}/missing.txt`)).status).toBe(404)
    expect((await fetch(`${h.emu.urlEndpoint}/../index.json`)).status).toBe(404)
    expect((await fetch(`${h.emu.urlEndpoint}/%2e%2e/index.json`)).status).toBe(404)
  })

  it('answers the ML thumbnail URL with a downscaled image', async () => {
    const answer = await uploadV1(h, { file: await png(800, 400), fileName: 'wide.png' })
    const thumb = await fetch(answer.body.thumbnailUrl as string)
    expect(thumb.status).toBe(200)
    expect(thumb.headers.get('content-type')).toBe('image/png')
    const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()
    expect(meta.width).toBe(200)
    expect(meta.height).toBe(100)
    const sized = await fetch(`${answer.body.url}?tr=w-100`)
    expect((await sharp(Buffer.from(await sized.arrayBuffer())).metadata()).width).toBe(100)
    const original = await fetch(answer.body.url as string)
    expect((await sharp(Buffer.from(await original.arrayBuffer())).metadata()).width).toBe(800)
  })

  it('honours a custom urlEndpoint path', async () => {
    await h.emu.stop()
    h = await harness({ dataDir: h.dir, urlEndpoint: 'http://localhost:9999/media/demo/' })
    const answer = await uploadV1(h, { fileName: 'x.txt', useUniqueFileName: 'false' })
    expect(answer.body.url).toBe('http://localhost:9999/media/demo/x.txt')
    expect((await fetch(`${h.emu.url}/media/demo/x.txt`)).status).toBe(200)
  })
})
