import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Harness, HELP, harness, png, stopHarness, uploadV1 } from './helpers.js'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => stopHarness(h))

describe('v1 client-side upload', () => {
  it('stores the file and answers ImageKit’s JSON', async () => {
    const answer = await uploadV1(h, { fileName: 'hello world.txt', folder: 'docs/2024' })
    expect(answer.status).toBe(200)
    const body = answer.body
    expect(body.fileId).toMatch(/^[0-9a-f]{24}$/)
    expect(body.name).toMatch(/^hello_world_[A-Za-z0-9_-]{9}\.txt$/)
    expect(body.filePath).toBe(`/docs/2024/${body.name}`)
    expect(body.url).toBe(`${h.emu.urlEndpoint}${body.filePath}`)
    expect(body.size).toBe(11)
    expect(body.fileType).toBe('non-image')
    expect(body.versionInfo).toEqual({ id: body.fileId, name: 'Version 1' })
    expect(body.AITags).toBeNull()
    expect(body).not.toHaveProperty('thumbnailUrl')
    expect(body).not.toHaveProperty('tags')
    const files = await h.emu.files()
    expect(files).toHaveLength(1)
    expect(files[0]).toMatchObject({
      fileId: body.fileId,
      filePath: body.filePath,
      size: 11,
      mime: 'text/plain',
    })
    expect(h.emu.stats()).toMatchObject({ requests: 1, uploads: 1 })
    expect(h.emu.tempFiles()).toEqual([])
  })

  it('reads real image dimensions and gives a thumbnail URL', async () => {
    const answer = await uploadV1(h, { file: await png(64, 48), fileName: 'red.png' })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ fileType: 'image', width: 64, height: 48 })
    expect(answer.body.thumbnailUrl).toBe(`${h.emu.urlEndpoint}/tr:n-ik_ml_thumbnail${answer.body.filePath}`)
    const [file] = await h.emu.files()
    expect(file?.mime).toBe('image/png')
  })

  it('puts request ids and CORS headers on every answer', async () => {
    const ok = await uploadV1(h)
    const bad = await uploadV1(h, {}, { signature: 'nope' })
    const missing = await fetch(`${h.emu.url}/nothing-here`)
    for (const headers of [ok.headers, bad.headers, missing.headers]) {
      const id = headers.get('x-ik-requestid')
      expect(id).toMatch(/^[0-9a-f-]{36}$/)
      expect(headers.get('x-request-id')).toBe(id)
      expect(headers.get('access-control-allow-origin')).toBe('*')
      // Like ImageKit, the ids are not exposed to browser code by default (request-id.test.ts).
      expect(headers.get('access-control-expose-headers')).toMatch(/X-RateLimit-Reset/)
    }
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ help: HELP })
    expect(ok.headers.get('x-request-id')).not.toBe(bad.headers.get('x-request-id'))
  })

  it('answers a CORS preflight', async () => {
    const response = await fetch(h.emu.uploadUrl, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://app.local',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-custom',
      },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-methods')).toContain('POST')
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type,x-custom')
    expect(response.headers.get('x-ik-requestid')).toBeTruthy()
  })

  it('returns the responseFields extras', async () => {
    const answer = await uploadV1(h, {
      tags: 'summer, dress,,sale',
      customCoordinates: '10,10,100,100',
      customMetadata: '{"brand":"Nike"}',
      isPrivateFile: 'true',
      description: 'A file',
      responseFields:
        'tags,customCoordinates,isPrivateFile,isPublished,customMetadata,embeddedMetadata,metadata',
    })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      tags: ['summer', 'dress', 'sale'],
      customCoordinates: '10,10,100,100',
      isPrivateFile: true,
      isPublished: true,
      customMetadata: { brand: 'Nike' },
      embeddedMetadata: {},
      description: 'A file',
      metadata: { size: 11 },
    })
  })

  it('answers ImageKit’s missing-file error', async () => {
    const answer = await uploadV1(h, { file: undefined })
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual({ message: 'Your request is missing file parameter.', help: HELP })
  })
})

describe('concurrency', () => {
  it('stores parallel uploads once each, with every token seen once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        uploadV1(h, { fileName: `p${i}.txt`, useUniqueFileName: 'false' }),
      ),
    )
    expect(answers.map((a) => a.status)).toEqual(Array(30).fill(200))
    expect(await h.emu.files()).toHaveLength(30)
    const { tokensUsed, uploads, requests } = h.emu.stats()
    expect(new Set(tokensUsed).size).toBe(30)
    expect({ uploads, requests }).toEqual({ uploads: 30, requests: 30 })
  })

  it('lets exactly one of two parallel requests with the same token through', async () => {
    const token = 'same-token-twice'
    const answers = await Promise.all([uploadV1(h, {}, { token }), uploadV1(h, {}, { token })])
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400])
  })
})
