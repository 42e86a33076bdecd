import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EmulatorOptions } from '../src/index.js'
import {
  basic,
  eventually,
  form,
  type Harness,
  HELP,
  harness,
  png,
  post,
  stopHarness,
  uploadV1,
} from './helpers.js'

/** A real origin for `file=<url>`: each path is one behaviour; it records what it was asked and how each answer ended. */
async function startOrigin(routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void>) {
  const hits: string[] = []
  const ended: Record<string, 'finished' | 'cut'> = {}
  const server = createServer((req, res) => {
    const path = req.url ?? '/'
    hits.push(path)
    res.on('finish', () => {
      ended[path] = 'finished'
    })
    res.on('close', () => {
      ended[path] ??= 'cut'
    })
    const route = routes[path]
    if (route) route(req, res)
    else res.writeHead(404).end('not here')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    hits,
    ended,
    close: () => {
      server.closeAllConnections()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

type Origin = Awaited<ReturnType<typeof startOrigin>>

const TEXT = 'hello from a remote origin'
const MB = 1024 * 1024
let redPng: Buffer

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/hello.txt': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end(TEXT),
  '/image': (_req, res) => res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(redPng),
  '/report': (_req, res) => res.writeHead(200, { 'Content-Type': 'application/pdf' }).end('%PDF-1.4 fake'),
  '/empty': (_req, res) => res.writeHead(200).end(),
  '/slow-headers': () => undefined,
  '/stall': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' })
    res.write('the first bytes, then nothing')
  },
  '/moved': (_req, res) => res.writeHead(302, { Location: '/hello.txt' }).end(),
  '/hop/1': (_req, res) => res.writeHead(301, { Location: '/moved' }).end(),
  '/loop': (_req, res) => res.writeHead(307, { Location: '/loop' }).end(),
  '/to-ftp': (_req, res) => res.writeHead(302, { Location: 'ftp://127.0.0.1/x.txt' }).end(),
  '/server-error': (_req, res) => res.writeHead(500).end('oops'),
  '/huge': (_req, res) => {
    // 50 MB of text, written as the reader takes it: a refusal must cut it short.
    res.writeHead(200, { 'Content-Type': 'text/plain' })
    const chunk = Buffer.alloc(64 * 1024, 'x')
    let sent = 0
    const pump = () => {
      while (sent < 50 * MB && !res.destroyed) {
        sent += chunk.length
        if (!res.write(chunk)) return void res.once('drain', pump)
      }
      res.end()
    }
    pump()
  },
}

let h: Harness
let origin: Origin
const fast: EmulatorOptions = { remoteFile: { headersTimeoutMs: 150, idleTimeoutMs: 150, maxRedirects: 2 } }

beforeEach(async () => {
  redPng ??= Buffer.from(await (await png(40, 30)).arrayBuffer())
  origin = await startOrigin(routes)
  h = await harness(fast)
})
afterEach(async () => {
  await stopHarness(h)
  await origin.close()
})

const fromUrl = (path: string, fields: Record<string, string> = {}) =>
  uploadV1(h, { file: origin.url(path), fileName: 'remote.txt', useUniqueFileName: 'false', ...fields })

/** The answer for `path`, with nothing stored and no temp file left. */
async function expectRefused(path: string, status: number, message: string) {
  const stored = (await h.emu.files()).length
  const answer = await fromUrl(path)
  expect(answer.status, path).toBe(status)
  expect(answer.body, path).toEqual({ message, help: HELP })
  expect(await h.emu.files()).toHaveLength(stored)
  await eventually(() => h.emu.tempFiles().length === 0)
}

describe('file given as a URL', () => {
  it('downloads it and stores the bytes, like an upload (v1, client-side signature)', async () => {
    const answer = await fromUrl('/hello.txt')
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ name: 'remote.txt', filePath: '/remote.txt', size: TEXT.length })
    const [file] = await h.emu.files()
    expect(file).toMatchObject({ size: TEXT.length, mime: 'text/plain', fileType: 'non-image' })
    expect(readFileSync(file?.diskPath ?? '', 'utf8')).toBe(TEXT)
    expect(file?.diskPath.startsWith(h.dir)).toBe(true)
    expect(origin.hits).toEqual(['/hello.txt'])
    expect(h.emu.tempFiles()).toEqual([])
  })

  it('reads the type from the bytes first, then from the Content-Type header', async () => {
    const image = await fromUrl('/image', { fileName: 'picture' })
    expect(image.body).toMatchObject({ fileType: 'image', width: 40, height: 30 })
    const pdf = await fromUrl('/report', { fileName: 'report' })
    expect(pdf.status).toBe(200)
    expect((await h.emu.files()).find((file) => file.name === 'report')?.mime).toBe('application/pdf')
  })

  it('works through the v2 endpoint with server-side Basic auth', async () => {
    const body = form({ file: origin.url('/hello.txt'), fileName: 'v2-remote.txt' })
    const answer = await post(h.emu.uploadUrlV2, body, {
      Authorization: basic(h.emu.keys.primary.privateKey),
    })
    expect(answer.status).toBe(200)
    expect(answer.body.size).toBe(TEXT.length)
  })

  it('follows redirects up to maxRedirects', async () => {
    const answer = await fromUrl('/hop/1')
    expect(answer.status).toBe(200)
    expect(answer.body.size).toBe(TEXT.length)
    expect(origin.hits).toEqual(['/hop/1', '/moved', '/hello.txt'])
    const unreachable =
      'Your request contains invalid file parameter. The file could not be downloaded from the specified URL.'
    await expectRefused('/loop', 400, unreachable)
    expect(origin.hits.filter((path) => path === '/loop')).toHaveLength(3)
    await expectRefused('/to-ftp', 400, unreachable)
  })

  it('answers 400 when the URL cannot be downloaded', async () => {
    const unreachable =
      'Your request contains invalid file parameter. The file could not be downloaded from the specified URL.'
    await expectRefused('/missing.jpg', 400, unreachable)
    await expectRefused('/server-error', 400, unreachable)
    await origin.close()
    await expectRefused('/hello.txt', 400, unreachable)
  })

  it('answers 400 when the headers do not come in time, or the body stalls', async () => {
    const timeout =
      'Your request contains invalid file parameter. The file download was aborted because the URL did not respond in time.'
    await expectRefused('/slow-headers', 400, timeout)
    await expectRefused('/stall', 400, timeout)
    expect(origin.ended).toMatchObject({ '/slow-headers': 'cut', '/stall': 'cut' })
  })

  it('applies the size limit while downloading, and stops the download', async () => {
    await stopHarness(h)
    h = await harness({ ...fast, maxFileSize: 1 * MB })
    await expectRefused(
      '/huge',
      400,
      'Your request contains invalid file parameter. The file size exceeds limits.',
    )
    expect(origin.ended['/huge']).toBe('cut')
  })

  it('counts downloaded bytes against the storage quota', async () => {
    h.emu.setStorageQuota(10)
    await expectRefused('/hello.txt', 403, 'Upload Limit Exceeded.')
  })

  it('refuses an empty download', async () => {
    await expectRefused('/empty', 400, 'Your request contains invalid file parameter. The file is empty.')
  })

  it('still needs fileName, asked before anything is downloaded', async () => {
    const answer = await uploadV1(h, { file: origin.url('/hello.txt'), fileName: undefined })
    expect(answer.status).toBe(400)
    expect(answer.body.message).toBe('Your request is missing fileName parameter.')
    expect(origin.hits).toEqual([])
  })

  it('downloads only http and https URLs', async () => {
    for (const file of ['ftp://127.0.0.1/a.txt', 'file:///etc/passwd', 'gopher://x/']) {
      const answer = await uploadV1(h, { file, fileName: 'x.txt' })
      expect(answer.status, file).toBe(400)
      expect(answer.body.message, file).toBe(
        'Your request contains invalid file parameter. Only http and https URLs can be downloaded.',
      )
    }
  })

  it('downloads after authentication, never for a refused request', async () => {
    const answer = await uploadV1(h, { file: origin.url('/hello.txt') }, { signature: 'forged' })
    expect(answer.status).toBe(400)
    expect(origin.hits).toEqual([])
  })

  it('drops a download in flight when the client goes away', async () => {
    await stopHarness(h)
    h = await harness({ remoteFile: { idleTimeoutMs: 60_000 } })
    const controller = new AbortController()
    const sent = fetch(h.emu.uploadUrl, {
      method: 'POST',
      body: form({ file: origin.url('/stall'), fileName: 'gone.txt' }),
      headers: { Authorization: basic(h.emu.keys.primary.privateKey) },
      signal: controller.signal,
    }).catch(() => 'aborted')
    await eventually(() => origin.hits.includes('/stall'))
    controller.abort()
    expect(await sent).toBe('aborted')
    // Long before the 60 s idle timeout: the emulator let go of the origin when its client left.
    await eventually(() => origin.ended['/stall'] === 'cut')
    await eventually(() => h.emu.tempFiles().length === 0)
    expect(await h.emu.files()).toEqual([])
  })
})
