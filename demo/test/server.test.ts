import { createHmac } from 'node:crypto'
import { createServer, type Server } from 'node:net'
import { DEFAULT_MAX_FILE_SIZE } from '@upkit/imagekit-emulator'
import { afterEach, describe, expect, it } from 'vitest'
import type { DemoOptions } from '../src/server/options.js'
import { demoOptionsFromEnv } from '../src/server/options.js'
import { PortInUseError } from '../src/server/ports.js'
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

function hmac(privateKey: string, token: string, expire: number): string {
  return createHmac('sha1', privateKey)
    .update(token + String(expire))
    .digest('hex')
}

describe('demo server', () => {
  it('starts the emulator and answers its config on port 0', async () => {
    const { url, emulator } = await start()
    const config = await (await fetch(`${url}/api/demo/config`)).json()
    expect(config).toMatchObject({
      mode: 'emulator',
      publicKey: emulator?.keys.primary.publicKey,
      uploadEndpoint: emulator?.uploadUrl,
      emulatorUrl: emulator?.url,
      user: 'demo-user',
      folder: '/upkit-demo/demo-user',
      keyState: 'standard',
    })
  })

  it('signs with the active key (GET) and forces the user folder (POST)', async () => {
    const { url, backend } = await start()
    const key = backend.activeKey()
    const get = await (await fetch(`${url}/api/imagekit/auth`)).json()
    expect(get.signature).toBe(hmac(key.privateKey, get.token, get.expire))
    expect(get.publicKey).toBe(key.publicKey)
    const response = await fetch(`${url}/api/imagekit/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'upkit_demo_user=ada' },
      body: JSON.stringify({ fileName: 'a.png', size: 10, type: 'image/png' }),
    })
    expect(response.status).toBe(200)
    const post = await response.json()
    expect(post.signature).toBe(hmac(key.privateKey, post.token, post.expire))
    expect(post.params).toMatchObject({ folder: '/upkit-demo/ada' })
    expect(JSON.stringify(post)).not.toContain(key.privateKey)
  })

  it('switches to a read-only key and back for the fault panel', async () => {
    const { url, emulator } = await start()
    const post = (action: string) =>
      fetch(`${url}/api/demo/key`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action }),
      })
    const readOnly = await (await post('read-only')).json()
    expect(readOnly.keyState).toBe('read-only')
    expect(emulator?.keys.byPublicKey(readOnly.publicKey)).toMatchObject({
      type: 'restricted',
      mediaAccess: 'read',
    })
    const restored = await (await post('restore')).json()
    expect(restored).toMatchObject({ keyState: 'standard', publicKey: emulator?.keys.primary.publicKey })
    expect((await post('nonsense')).status).toBe(400)
  })

  it('answers the route’s file size limit, the emulator’s own, and the route refuses larger files', async () => {
    const { url } = await start()
    const config = await (await fetch(`${url}/api/demo/config`)).json()
    expect(config.maxFileSize).toBe(DEFAULT_MAX_FILE_SIZE)
    const sign = (size: number) =>
      fetch(`${url}/api/imagekit/auth`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fileName: 'a.png', size, type: 'image/png' }),
      })
    expect((await sign(config.maxFileSize)).status).toBe(200)
    expect((await sign(config.maxFileSize + 1)).status).toBeGreaterThanOrEqual(400)
  })

  it('rolls the key (the route keeps the expired one), then gives the route the new key', async () => {
    const { url, emulator } = await start()
    const post = (action: string) =>
      fetch(`${url}/api/demo/key`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action }),
      })
    expect((await post('use-new-key')).status).toBe(409)
    const old = emulator?.keys.primary.publicKey
    const rolled = await (await post('roll-expire')).json()
    expect(rolled).toMatchObject({ keyState: 'rolled-expired', publicKey: old })
    const renewed = await (await post('use-new-key')).json()
    expect(renewed.keyState).toBe('standard')
    expect(renewed.publicKey).not.toBe(old)
    const pair = emulator?.keys.byPublicKey(renewed.publicKey)
    expect(pair?.expiresAt).toBeUndefined()
    const signed = await (await fetch(`${url}/api/imagekit/auth`)).json()
    expect(signed.publicKey).toBe(renewed.publicKey)
    expect(signed.signature).toBe(hmac(pair?.privateKey ?? '', signed.token, signed.expire))
  })

  it('uses a real ImageKit account from the environment, without an emulator', async () => {
    const imagekit = demoOptionsFromEnv(
      {
        IMAGEKIT_PUBLIC_KEY: 'public_real',
        IMAGEKIT_PRIVATE_KEY: 'private_real',
        IMAGEKIT_URL_ENDPOINT: 'https://ik.imagekit.io/demo',
      },
      '/unused',
    ).imagekit
    const { url, emulator } = await start({ imagekit })
    expect(emulator).toBeNull()
    const config = await (await fetch(`${url}/api/demo/config`)).json()
    expect(config).toMatchObject({ mode: 'imagekit', emulatorUrl: null, publicKey: 'public_real' })
    const signed = await (await fetch(`${url}/api/imagekit/auth`)).json()
    expect(signed.signature).toBe(hmac('private_real', signed.token, signed.expire))
    expect((await fetch(`${url}/api/demo/key`, { method: 'POST' })).status).toBe(409)
  })

  it('refuses a taken port, naming it and its variable, before starting anything', async () => {
    const first = await start()
    const port = Number(new URL(first.url).port)
    const attempt = startDemo({ ...base, port }, { pages: false, buildWidget: false })
    await expect(attempt).rejects.toThrow(
      `port ${port} is in use (UPKIT_DEMO_PORT); stop the other process or set UPKIT_DEMO_PORT=<another port>`,
    )
    await expect(attempt).rejects.toBeInstanceOf(PortInUseError)
  })

  it('refuses a taken emulator port the same way, and frees the demo port it had taken', async () => {
    const blocker: Server = createServer()
    const taken = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)),
    )
    try {
      const attempt = startDemo({ ...base, emulatorPort: taken }, { pages: false, buildWidget: false })
      await expect(attempt).rejects.toMatchObject({ port: taken, variable: 'UPKIT_EMULATOR_PORT' })
      // Nothing left listening: a demo starts on a random port again.
      await start()
    } finally {
      blocker.close()
    }
  })

  it('reads ports, data folder and mode from the environment', () => {
    expect(demoOptionsFromEnv({}, '/data')).toEqual({
      ...base,
      port: 4610,
      emulatorPort: 4600,
      dataDir: '/data',
      production: false,
    })
    expect(
      demoOptionsFromEnv(
        { UPKIT_DEMO_PORT: '4710', UPKIT_DEMO_EPHEMERAL: '1', NODE_ENV: 'production' },
        '/d',
      ),
    ).toMatchObject({ port: 4710, dataDir: null, production: true })
    expect(() => demoOptionsFromEnv({ UPKIT_DEMO_PORT: 'x' }, '/d')).toThrow('Invalid port')
  })
})
