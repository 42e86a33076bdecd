import { afterAll, describe, expect, it } from 'vitest'
import { call, expectNoKeyInAnything, handlerWith, postJson, URL_BASE } from './support.js'

afterAll(expectNoKeyInAnything)

const handler = handlerWith({ rateLimit: false })

async function expectRefusal(request: Request, status: number, code: string, message: string | RegExp) {
  const response = await call(handler, request)
  expect(response.status).toBe(status)
  expect(response.json.code).toBe(code)
  expect(response.json.message).toMatch(message)
  expect(response.headers.get('cache-control')).toBe('no-store')
}

const file = (extra: Record<string, unknown>) => postJson({ fileName: 'cat.png', ...extra })

describe('bad input never crashes and answers a specific 4xx', () => {
  it('malformed JSON → 400 INVALID_JSON', async () => {
    await expectRefusal(postJson('{"fileName":'), 400, 'INVALID_JSON', 'The request body is not valid JSON.')
    await expectRefusal(postJson(''), 400, 'INVALID_JSON', /body is empty/)
  })

  it('wrong content type → 415', async () => {
    const request = new Request(URL_BASE, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    })
    await expectRefusal(
      request,
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      /Content-Type: application\/json \(got Content-Type "text\/plain"\)/,
    )
    const form = new Request(URL_BASE, { method: 'POST', body: new URLSearchParams({ fileName: 'a' }) })
    await expectRefusal(form, 415, 'UNSUPPORTED_MEDIA_TYPE', /application\/x-www-form-urlencoded/)
  })

  it('a body over 16 KB → 413, read as a stream with a limit', async () => {
    const huge = JSON.stringify({ fileName: 'a.png', description: 'x'.repeat(20_000) })
    await expectRefusal(postJson(huge), 413, 'PAYLOAD_TOO_LARGE', /larger than 16384 bytes/)
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new Uint8Array(4096).fill(32))
      },
    })
    const streamed = new Request(URL_BASE, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: endless,
      duplex: 'half',
    } as RequestInit)
    await expectRefusal(streamed, 413, 'PAYLOAD_TOO_LARGE', /16384/)
    expect(pulled).toBeLessThan(10)
  })

  it('unknown fields → 400 UNKNOWN_FIELD naming the field', async () => {
    await expectRefusal(
      file({ colour: 'red' }),
      400,
      'UNKNOWN_FIELD',
      /^"cat.png": unknown field "colour"\. Known fields: fileName, size, type/,
    )
    await expectRefusal(file({ signature: 'abc' }), 400, 'UNKNOWN_FIELD', /"signature"/)
    await expectRefusal(postJson({ files: [], count: 2 }), 400, 'UNKNOWN_FIELD', /"count" next to "files"/)
    await expectRefusal(postJson('{"fileName":"a","__proto__":{"x":1}}'), 400, 'UNKNOWN_FIELD', /"__proto__"/)
  })

  it('negative, fractional or non-numeric size → 400', async () => {
    for (const size of [-1, 1.5, '100', Number.MAX_VALUE, true]) {
      await expectRefusal(
        file({ size }),
        400,
        'INVALID_FIELD',
        '"cat.png": "size" must be a whole, non-negative number of bytes.',
      )
    }
  })

  it('"../", absolute-looking paths and control characters in folder → 400 INVALID_FOLDER', async () => {
    const cases: Array<[string, RegExp]> = [
      ['../secrets', /must not contain "\." or "\.\." segments/],
      ['/users/42/../../admin', /"\.\."/],
      ['C:\\Windows', /absolute or system path/],
      ['//evil.example/x', /absolute or system path/],
      ['https://evil.example', /absolute or system path/],
      ['~/x', /absolute or system path/],
      ['/a\u0000b', /control characters/],
      ['/a\nb', /control characters/],
      ['/a b', /may only contain letters/],
    ]
    for (const [folder, message] of cases)
      await expectRefusal(file({ folder }), 400, 'INVALID_FOLDER', message)
    await expectRefusal(file({ folder: 42 }), 400, 'INVALID_FIELD', '"cat.png": "folder" must be a string.')
  })

  it('a missing or non-string fileName → 400', async () => {
    for (const fileName of [undefined, 42, ['a'], '', '   ']) {
      await expectRefusal(
        postJson({ fileName, size: 1 }),
        400,
        'INVALID_FIELD',
        /"fileName" is required and must be a non-empty string/,
      )
    }
    await expectRefusal(postJson({ fileName: '../a.png' }), 400, 'INVALID_FIELD', /without "\/"/)
    await expectRefusal(postJson({ fileName: 'a\u0000.png' }), 400, 'INVALID_FIELD', /control characters/)
  })

  it('other malformed bodies and fields → 400', async () => {
    await expectRefusal(postJson([{ fileName: 'a' }]), 400, 'INVALID_BODY', /must be a JSON object/)
    await expectRefusal(postJson('"a"'), 400, 'INVALID_BODY', /must be a JSON object/)
    await expectRefusal(postJson({ files: [] }), 400, 'INVALID_BODY', /non-empty array/)
    await expectRefusal(postJson({ files: ['a'] }), 400, 'INVALID_BODY', /File 1 must be a JSON object/)
    await expectRefusal(file({ type: 'png' }), 400, 'INVALID_FIELD', /"type" must be a MIME type/)
    await expectRefusal(file({ tags: [1] }), 400, 'INVALID_FIELD', /"tags" must be a list/)
    await expectRefusal(file({ tags: 'a%b' }), 400, 'INVALID_FIELD', /without "%"/)
    await expectRefusal(
      file({ useUniqueFileName: 'yes' }),
      400,
      'INVALID_FIELD',
      /"useUniqueFileName" must be true or false/,
    )
    await expectRefusal(
      file({ customMetadata: '[1]' }),
      400,
      'INVALID_FIELD',
      /"customMetadata" must be a JSON object/,
    )
  })

  it('other methods → 405 with Allow', async () => {
    const response = await call(handler, new Request(URL_BASE, { method: 'DELETE' }))
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, POST, OPTIONS')
    expect(response.json.code).toBe('METHOD_NOT_ALLOWED')
  })

  it('an unexpected failure → 500 INTERNAL without details, logged', async () => {
    const failing = handlerWith({
      policy: {
        forcedFolder: () => {
          throw new TypeError('database exploded')
        },
      },
    })
    const { status, json, text } = await call(failing)
    expect(status).toBe(500)
    expect(json).toEqual({
      code: 'INTERNAL',
      message: 'The signing route failed unexpectedly; the details are in the server log.',
    })
    expect(text).not.toContain('database')
  })
})

describe('a body stream that breaks', () => {
  it('→ 400 INVALID_BODY, not a 500', async () => {
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('socket hang up'))
      },
    })
    const request = new Request(URL_BASE, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: broken,
      duplex: 'half',
    } as RequestInit)
    const { status, json } = await call(handler, request)
    expect(status).toBe(400)
    expect(json.code).toBe('INVALID_BODY')
  })
})
