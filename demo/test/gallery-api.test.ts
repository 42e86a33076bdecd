import { afterEach, describe, expect, it } from 'vitest'
import type { DemoOptions } from '../src/server/options.js'
import { type RunningDemo, startDemo } from '../src/server/start-demo.js'

const base: DemoOptions = {
  port: 0,
  host: '127.0.0.1',
  emulatorPort: 0,
  dataDir: null,
  production: true,
  imagekit: null,
}

let demo: RunningDemo | null = null
afterEach(async () => {
  await demo?.close()
  demo = null
})

async function start(options: Partial<DemoOptions> = {}): Promise<RunningDemo> {
  demo = await startDemo({ ...base, ...options }, { pages: false, buildWidget: false })
  return demo
}

/** A server-side upload straight to the emulator (the gallery only reads and deletes). */
async function upload(running: RunningDemo, fileName: string): Promise<string> {
  const emulator = running.emulator
  if (!emulator) throw new Error('needs the emulator')
  const body = new FormData()
  body.append('file', new Blob([`bytes of ${fileName}`]), fileName)
  body.append('fileName', fileName)
  const authorization = `Basic ${Buffer.from(`${emulator.keys.primary.privateKey}:`).toString('base64')}`
  const response = await fetch(emulator.uploadUrl, { method: 'POST', body, headers: { authorization } })
  return ((await response.json()) as { fileId: string }).fileId
}

const call = async (running: RunningDemo, method: string, path: string) => {
  const response = await fetch(`${running.url}/api/demo${path}`, { method })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null, text }
}

describe('the gallery and fault panel use the media API through the demo server', () => {
  it('GET /api/demo/files lists the files newest first as ImageKit file objects, without the private key', async () => {
    const running = await start()
    await upload(running, 'first.txt')
    await new Promise((resolve) => setTimeout(resolve, 5))
    await upload(running, 'second.txt')
    const listed = await call(running, 'GET', '/files')
    expect(listed.status).toBe(200)
    expect(listed.body.map((file: { name: string }) => file.name.replace(/_.{9}\./, '.'))).toEqual([
      'second.txt',
      'first.txt',
    ])
    expect(listed.body[0]).toMatchObject({ type: 'file', fileType: 'non-image', AITags: null })
    expect(listed.text).not.toContain(running.emulator?.keys.primary.privateKey)
  })

  it('DELETE /api/demo/files/:fileId deletes one file; an unknown one answers ImageKit’s 404', async () => {
    const running = await start()
    const fileId = await upload(running, 'gone.txt')
    await upload(running, 'kept.txt')
    expect((await call(running, 'DELETE', `/files/${fileId}`)).status).toBe(204)
    expect((await running.emulator?.files())?.map((file) => file.name)).toEqual([
      expect.stringMatching(/^kept_/),
    ])
    const again = await call(running, 'DELETE', `/files/${fileId}`)
    expect(again).toMatchObject({ status: 404, body: { message: 'The requested file does not exist.' } })
  })

  it('DELETE /api/demo/files clears every file with list + bulk delete', async () => {
    const running = await start()
    for (const name of ['a.txt', 'b.txt', 'c.txt']) await upload(running, name)
    expect(await call(running, 'DELETE', '/files')).toMatchObject({ status: 200, body: { deleted: 3 } })
    expect(await running.emulator?.files()).toEqual([])
  })

  it('uses the key the demo signs with: a read-only key lists but cannot delete', async () => {
    const running = await start()
    const fileId = await upload(running, 'a.txt')
    const post = await fetch(`${running.url}/api/demo/key`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'read-only' }),
    })
    expect(post.status).toBe(200)
    expect((await call(running, 'GET', '/files')).body).toHaveLength(1)
    const refused = await call(running, 'DELETE', `/files/${fileId}`)
    expect(refused).toMatchObject({ status: 403, body: { message: expect.stringMatching(/media access/) } })
  })

  it('answers 409 with a real ImageKit account (the gallery is for the emulator)', async () => {
    const imagekit = {
      publicKey: 'public_real',
      privateKey: 'private_real',
      urlEndpoint: 'https://ik.imagekit.io/x',
    }
    const running = await start({ imagekit })
    expect(await call(running, 'GET', '/files')).toMatchObject({
      status: 409,
      body: { code: 'REAL_IMAGEKIT' },
    })
  })
})
