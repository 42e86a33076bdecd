import { request } from 'node:http'
import { connect } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  eventually,
  form,
  type Harness,
  HELP,
  harness,
  post,
  signed,
  stopHarness,
  uploadV1,
} from './helpers.js'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => stopHarness(h))

const big = () => new Blob([new Uint8Array(2 * 1024 * 1024).fill(7)])

async function nothingStored(): Promise<void> {
  await eventually(() => h.emu.tempFiles().length === 0)
  expect(await h.emu.files()).toEqual([])
}

describe('faults', () => {
  it('answers any status for the next N matching requests, then recovers', async () => {
    h.emu.faults.add({ times: 2, action: { type: 'status', status: 503, message: 'Down for a bit.' } })
    for (let i = 0; i < 2; i++) {
      const answer = await uploadV1(h)
      expect(answer.status).toBe(503)
      expect(answer.body).toEqual({ message: 'Down for a bit.', help: HELP })
      expect(answer.headers.get('x-ik-requestid')).toBeTruthy()
    }
    await nothingStored()
    expect(h.emu.faults.list()).toEqual([])
    expect((await uploadV1(h)).status).toBe(200)
    expect(h.emu.stats()).toMatchObject({ requests: 3, uploads: 1 })
    expect(new Set(h.emu.stats().tokensUsed).size).toBe(3)
  })

  it('can answer a non-JSON body (like a proxy error page)', async () => {
    h.emu.faults.add({ times: 1, action: { type: 'status', status: 502, body: '<html>Bad gateway</html>' } })
    const answer = await uploadV1(h)
    expect(answer.status).toBe(502)
    expect(answer.body).toEqual({ raw: '<html>Bad gateway</html>' })
  })

  it('429 with the rate-limit headers', async () => {
    h.emu.faults.add({ times: 1, action: { type: 'rate-limit', resetMs: 1500, limit: 5, intervalMs: 10000 } })
    const answer = await uploadV1(h)
    expect(answer.status).toBe(429)
    expect(answer.headers.get('x-ratelimit-reset')).toBe('1500')
    expect(answer.headers.get('x-ratelimit-limit')).toBe('5')
    expect(answer.headers.get('x-ratelimit-interval')).toBe('10000')
    expect(answer.body.help).toBe(HELP)
  })

  it('storage-full answers ImageKit’s 403 and stores nothing', async () => {
    h.emu.faults.add({ action: { type: 'storage-full' } })
    const answer = await uploadV1(h, { file: big() })
    expect(answer.status).toBe(403)
    expect(answer.body).toEqual({ message: 'Upload Limit Exceeded.', help: HELP })
    await nothingStored()
  })

  it('matches by file name (substring) and by API version', async () => {
    h.emu.faults.add({ match: { fileName: 'broken' }, action: { type: 'status', status: 500 } })
    h.emu.faults.add({ match: { path: 'v2' }, action: { type: 'status', status: 418 } })
    expect((await uploadV1(h, { fileName: 'fine.txt' })).status).toBe(200)
    expect((await uploadV1(h, { fileName: 'a-broken-one.txt' })).status).toBe(500)
    expect((await uploadV1(h, { fileName: 'broken.txt' })).status).toBe(500)
    await eventually(() => h.emu.tempFiles().length === 0)
    expect(await h.emu.files()).toHaveLength(1)
  })

  it('matches a file name sent after the file part', async () => {
    h.emu.faults.add({ match: { fileName: 'late.txt' }, action: { type: 'status', status: 500 } })
    const data = new FormData()
    data.append('file', new Blob(['abc']), 'blob')
    for (const [name, value] of Object.entries(signed(h))) data.append(name, value)
    data.append('fileName', 'late.txt')
    expect((await post(h.emu.uploadUrl, data)).status).toBe(500)
    await nothingStored()
  })

  it('cuts the connection after N body bytes, leaving nothing behind', async () => {
    h.emu.faults.add({ times: 1, action: { type: 'cut', afterBytes: 64 * 1024 } })
    await expect(uploadV1(h, { file: big() })).rejects.toThrow()
    await nothingStored()
    expect(h.emu.stats().requests).toBe(1)
    expect((await uploadV1(h)).status).toBe(200)
  })

  it('cuts a body shorter than afterBytes at its end: no answer, nothing stored', async () => {
    h.emu.faults.add({ times: 1, action: { type: 'cut', afterBytes: 1024 * 1024 } })
    await expect(uploadV1(h)).rejects.toThrow()
    await nothingStored()
    expect((await uploadV1(h)).status).toBe(200)
    expect(await h.emu.files()).toHaveLength(1)
  })

  it('stalls: the client gives up, nothing is stored', async () => {
    h.emu.faults.add({ times: 1, action: { type: 'stall' } })
    const controller = new AbortController()
    const data = form({ file: big(), fileName: 'stall.bin', ...signed(h) })
    const pending = fetch(h.emu.uploadUrl, { method: 'POST', body: data, signal: controller.signal })
    await eventually(() => h.emu.stats().requests === 1)
    controller.abort()
    await expect(pending).rejects.toThrow()
    await nothingStored()
  })

  it('clearing the files drops a held upload: its body, already received, is never stored after', async () => {
    h.emu.faults.add({ times: 1, action: { type: 'stall', ms: 300 } })
    // a client whose request arrived whole and which never learns the answer (a browser whose
    // abort did not reach the server, a proxy in between): the held request would finish later
    const body = form({ file: new Blob([new Uint8Array(70)]), fileName: 'late.bin', ...signed(h) })
    const request = new Request(h.emu.uploadUrl, { method: 'POST', body })
    const bytes = new Uint8Array(await request.arrayBuffer())
    const { host, pathname } = new URL(h.emu.uploadUrl)
    const socket = connect(Number(new URL(h.emu.uploadUrl).port), '127.0.0.1')
    socket.on('error', () => {})
    socket.write(
      `POST ${pathname} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: ${request.headers.get('content-type')}\r\nContent-Length: ${bytes.length}\r\n\r\n`,
    )
    socket.write(bytes)
    await eventually(() => h.emu.stats().requests === 1)
    await h.emu.clearFiles()
    await new Promise((resolve) => setTimeout(resolve, 500)) // past the stall's end
    socket.destroy()
    expect(await h.emu.files()).toEqual([])
    expect((await uploadV1(h)).status).toBe(200) // the emulator goes on as usual
  })

  it('a stall with ms, and latency, then handle the request normally', async () => {
    h.emu.faults.add({ times: 1, action: { type: 'stall', ms: 30 } })
    h.emu.faults.add({ times: 1, match: { fileName: 'slow' }, action: { type: 'latency', ms: 30 } })
    expect((await uploadV1(h)).status).toBe(200)
    expect((await uploadV1(h, { fileName: 'slow.txt' })).status).toBe(200)
    expect(await h.emu.files()).toHaveLength(2)
  })

  it('a long latency still ends in a normal answer', async () => {
    h.emu.faults.add({ times: 1, action: { type: 'latency', ms: 1200 } })
    const answer = await uploadV1(h)
    expect(answer.status).toBe(200)
    expect(answer.body.fileId).toMatch(/^[0-9a-f]{24}$/)
  })

  it('remove and clear', () => {
    const id = h.emu.faults.add({ action: { type: 'latency', ms: 1 } })
    h.emu.faults.add({ action: { type: 'latency', ms: 2 } })
    expect(h.emu.faults.list().map((rule) => rule.id)).toContain(id)
    expect(h.emu.faults.remove(id)).toBe(true)
    expect(h.emu.faults.list()).toHaveLength(1)
    h.emu.faults.clear()
    expect(h.emu.faults.list()).toEqual([])
    expect(() => h.emu.faults.add({ action: { type: 'explode' } as never })).toThrow(/action.type/)
  })
})

describe('fault scheduling and shutdown', () => {
  it('skip lets the first N matches through', async () => {
    h.emu.faults.add({ skip: 2, times: 1, action: { type: 'status', status: 500 } })
    expect((await uploadV1(h)).status).toBe(200)
    expect((await uploadV1(h)).status).toBe(200)
    expect((await uploadV1(h)).status).toBe(500)
    expect((await uploadV1(h)).status).toBe(200)
  })

  it('a stall in the middle of the file part: nothing listed, stop() cleans up', async () => {
    h.emu.faults.add({ match: { fileName: 'mid.bin' }, action: { type: 'stall' } })
    const data = new FormData()
    data.append('file', big(), 'mid.bin')
    for (const [name, value] of Object.entries(signed(h))) data.append(name, value)
    const controller = new AbortController()
    const pending = fetch(h.emu.uploadUrl, { method: 'POST', body: data, signal: controller.signal })
    await eventually(() => h.emu.tempFiles().length === 1)
    controller.abort()
    await expect(pending).rejects.toThrow()
    expect(await h.emu.files()).toEqual([])
    // A paused socket cannot see its client leave: the request lingers (unlisted) until stop().
    await h.emu.stop()
    expect(h.emu.tempFiles()).toEqual([])
    h = await harness({ dataDir: h.dir })
  })

  it('stop() ends a stalled request and cleans its temp file', async () => {
    h.emu.faults.add({ match: { fileName: 'stuck' }, action: { type: 'stall' } })
    const data = form({ fileName: 'stuck.bin', ...signed(h), file: big() })
    const pending = fetch(h.emu.uploadUrl, { method: 'POST', body: data }).catch((error: unknown) => error)
    await eventually(() => h.emu.stats().requests === 1)
    await h.emu.stop()
    expect(await pending).toBeInstanceOf(Error)
    expect(h.emu.tempFiles()).toEqual([])
    h = await harness({ dataDir: h.dir })
  })
})

describe('cut over a raw connection', () => {
  it('destroys the socket mid-body; the server carries on', async () => {
    h.emu.faults.add({ times: 1, action: { type: 'cut', afterBytes: 10_000 } })
    const boundary = 'raw-cut'
    const head = Object.entries({ ...signed(h), fileName: 'raw.bin' })
      .map(
        ([name, value]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      )
      .join('')
    const error = await new Promise<Error>((resolve) => {
      const req = request(h.emu.uploadUrl, {
        method: 'POST',
        headers: {
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Content-Length': '10000000',
        },
      })
      req.on('error', resolve)
      req.on('response', () => resolve(new Error('unexpected response')))
      req.write(
        `${head}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="raw.bin"\r\n\r\n`,
      )
      const chunk = Buffer.alloc(16 * 1024, 1)
      const pump = () => {
        while (req.write(chunk)) if (req.destroyed) return
        req.once('drain', pump)
      }
      pump()
    })
    expect(error.message).toMatch(/ECONNRESET|EPIPE|socket hang up/)
    await nothingStored()
    expect((await uploadV1(h)).status).toBe(200)
  })
})
