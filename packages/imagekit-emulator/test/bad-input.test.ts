import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually, type Harness, harness, rawPost, signed, stopHarness, uploadV1 } from './helpers.js'

let h: Harness
beforeAll(async () => {
  h = await harness()
})
afterAll(async () => {
  // The server survived everything below: a normal upload still works.
  expect((await uploadV1(h)).status).toBe(200)
  await stopHarness(h)
})

const BOUNDARY = '----upkit-test-boundary'

function multipart(parts: { name: string; value: string; filename?: string }[], end = true): string {
  const body = parts
    .map(({ name, value, filename }) => {
      const disposition = `form-data; name="${name}"${filename !== undefined ? `; filename="${filename}"` : ''}`
      const type = filename !== undefined ? '\r\nContent-Type: application/octet-stream' : ''
      return `--${BOUNDARY}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n${value}\r\n`
    })
    .join('')
  return end ? `${body}--${BOUNDARY}--\r\n` : body
}

function authParts() {
  return Object.entries(signed(h)).map(([name, value]) => ({ name, value }))
}

const send = (body: string, contentType = `multipart/form-data; boundary=${BOUNDARY}`) =>
  rawPost(h.emu.uploadUrl, { 'Content-Type': contentType }, body)

async function expect400(
  answer: { status: number; body: string; headers: Record<string, unknown> },
  pattern: RegExp,
) {
  expect(answer.status).toBe(400)
  const body = JSON.parse(answer.body)
  expect(body.message).toMatch(pattern)
  expect(body.help).toMatch(/support@imagekit.io/)
  expect(answer.headers['x-ik-requestid']).toBeTruthy()
}

describe('bad input never crashes the server', () => {
  it('no content type, or not a form', async () => {
    await expect400(await rawPost(h.emu.uploadUrl, {}, 'hello'), /missing file parameter/)
    await expect400(await send('{"file":"x"}', 'application/json'), /missing file parameter/)
  })

  it('multipart without a boundary', async () => {
    await expect400(await send(multipart(authParts()), 'multipart/form-data'), /invalid multipart/)
  })

  it('garbage and truncated multipart bodies', async () => {
    await expect400(await send('this is not multipart at all'), /invalid multipart/)
    const truncated = multipart(
      [
        ...authParts(),
        { name: 'fileName', value: 'a.txt' },
        { name: 'file', value: 'x'.repeat(5000), filename: 'a.txt' },
      ],
      false,
    )
    await expect400(await send(truncated), /invalid multipart/)
    await eventually(() => h.emu.tempFiles().length === 0)
  })

  it('two file parts', async () => {
    const body = multipart([
      ...authParts(),
      { name: 'fileName', value: 'a.txt' },
      { name: 'file', value: 'one', filename: 'a.txt' },
      { name: 'file', value: 'two', filename: 'b.txt' },
    ])
    await expect400(await send(body), /Only one file/)
    expect(await h.emu.files()).toEqual([])
  })

  it('huge field values and too many fields', async () => {
    await expect400(
      await uploadV1(h, { tags: 'x'.repeat(2 * 1024 * 1024) }).then(toRaw),
      /invalid tags parameter/,
    )
    const many = Array.from({ length: 150 }, (_, i) => ({ name: `f${i}`, value: 'v' }))
    await expect400(await send(multipart([...authParts(), ...many])), /too many parameters/)
  })

  it.each([
    ['../../etc/passwd'],
    ['/etc/passwd'],
    ['C:\\Windows\\win.ini'],
    ['a\u0000b.txt'],
    ['line\nbreak.txt'],
    ['..'],
  ])('fileName %j', async (fileName) => {
    // The helper also uses fileName as the file part's name: a NUL there breaks the part header first.
    await expect400(await uploadV1(h, { fileName }).then(toRaw), /invalid (fileName parameter|multipart)/)
    const data = new FormData()
    data.append('file', new Blob(['x']), 'safe.txt')
    for (const [name, value] of Object.entries({ ...signed(h), fileName })) data.append(name, value)
    const answer = await fetch(h.emu.uploadUrl, { method: 'POST', body: data })
    expect(answer.status).toBe(400)
    expect((await answer.json()).message).toMatch(/invalid fileName parameter/)
  })

  it.each([['../up'], ['a/../../b'], ['a\\b'], ['x\u0000y'], ['tab\there']])('folder %j', async (folder) => {
    await expect400(await uploadV1(h, { folder }).then(toRaw), /invalid folder parameter/)
  })

  it('a base64 file string, a data URI, and a remote URL', async () => {
    const base64 = await uploadV1(h, { file: Buffer.from('hello').toString('base64'), fileName: 'b64.txt' })
    expect(base64.status).toBe(200)
    expect(base64.body.size).toBe(5)
    const uri = await uploadV1(h, { file: 'data:text/plain;base64,aGk=', fileName: 'uri.txt' })
    expect(uri.body.size).toBe(2)
    // Not http(s): refused without a download (test/url-upload.test.ts downloads from a local origin).
    const remote = await uploadV1(h, { file: 'ftp://example.com/a.jpg', fileName: 'r.jpg' })
    expect(remote.status).toBe(400)
    const notBase64 = await uploadV1(h, { file: '***', fileName: 'x.txt' })
    expect(notBase64.status).toBe(400)
  })

  it('random bytes in a multipart body always get a 400', async () => {
    let seed = 42
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed / 2 ** 31
    }
    const valid = multipart([
      ...authParts(),
      { name: 'fileName', value: 'a.txt' },
      { name: 'file', value: 'abc', filename: 'a' },
    ])
    for (let i = 0; i < 40; i++) {
      const bytes = Buffer.from(valid)
      for (let j = 0; j < 1 + Math.floor(random() * 20); j++)
        bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256)
      const answer = await rawPost(
        h.emu.uploadUrl,
        { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` },
        bytes,
      )
      expect([200, 400, 401, 403]).toContain(answer.status)
      expect(JSON.parse(answer.body).help).toMatch(/support@imagekit.io/)
    }
    await eventually(() => h.emu.tempFiles().length === 0)
  })

  it('wrong method on the upload path, unknown routes', async () => {
    expect((await fetch(h.emu.uploadUrl)).status).toBe(405)
    expect((await fetch(`${h.emu.url}/_emulator/nope`)).status).toBe(404)
    const badJson = await fetch(`${h.emu.url}/_emulator/faults`, { method: 'POST', body: '{oops' })
    expect(badJson.status).toBe(400)
    expect((await fetch(`${h.emu.url}/ik/%E0%A4%A`)).status).toBe(404)
  })
})

function toRaw(answer: { status: number; headers: Headers; body: Record<string, unknown> }) {
  return {
    status: answer.status,
    body: JSON.stringify(answer.body),
    headers: Object.fromEntries(answer.headers.entries()),
  }
}
