import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resetEmulator, type Servers, startServers } from '@upkit/test-support'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from './helpers/fake-xhr.js'
import { idle, makeEngine } from './helpers/real-engine.js'

/** The remote host: the emulator downloads `file=<url>` from here, as ImageKit does from the web. */
const PHOTO = new Uint8Array(5000).map((_, i) => i % 251)
let origin: Server
let base = ''
const asked: string[] = []
let s: Servers

beforeAll(async () => {
  origin = createServer((req, res) => {
    asked.push(req.url ?? '')
    if (req.url?.startsWith('/photos/')) res.writeHead(200, { 'content-type': 'image/png' }).end(PHOTO)
    else res.writeHead(404).end('not here')
  })
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`
  // a route that signs links (policy.allowUrls), for the POST description
  s = await startServers({ auth: { policy: { allowUrls: true, maxFileSize: 1000 } } })
})
afterAll(async () => {
  origin.closeAllConnections()
  await new Promise((resolve) => origin.close(resolve))
  await s.stop()
}, 10_000)
afterEach(() => resetEmulator(s.emulator))

describe('addUrl against the emulator: ImageKit downloads the link', () => {
  it('downloads the link and stores it under the link’s name, with the stored size', async () => {
    const { uploader } = makeEngine(s, { params: { folder: '/links' } })
    await uploader.addUrl(`${base}/photos/red%20fox.png?size=big`)
    const file = (await waitFor(uploader, idle)).files[0]!
    expect(file).toMatchObject({ status: 'success', name: 'red fox.png', size: PHOTO.length, percent: 100 })
    expect(file.result?.filePath).toMatch(/^\/links\/red_fox/)
    const stored = await s.emulator.files()
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ size: PHOTO.length })
    expect(asked).toContain('/photos/red%20fox.png?size=big')
    uploader.destroy()
  })

  it('signs through a POST route whose policy allows links, maxFileSize notwithstanding', async () => {
    const { uploader } = makeEngine(s, { auth: { url: s.authUrl, method: 'POST' } })
    await uploader.addUrl(`${base}/photos/b.png`, 'bee.png')
    const file = (await waitFor(uploader, idle)).files[0]!
    expect(file).toMatchObject({ status: 'success', size: PHOTO.length })
    uploader.destroy()
  })

  it('fails, without retrying, when ImageKit cannot download the link', async () => {
    const { uploader } = makeEngine(s)
    await uploader.addUrl(`${base}/gone.png`)
    const file = (await waitFor(uploader, idle)).files[0]!
    expect(file).toMatchObject({ status: 'error', attempt: 1 })
    expect(file.error).toMatchObject({ code: 'INVALID_REQUEST', status: 400, retryable: false })
    expect(await s.emulator.files()).toHaveLength(0)
    uploader.destroy()
  })
})
