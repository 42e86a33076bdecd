import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { AuthEndpointError, createAuthHandler } from '../src/index.js'
import {
  call,
  expectNoKeyInAnything,
  handlerWith,
  PRIVATE_KEY,
  PUBLIC_KEY,
  recordingLogger,
} from './support.js'

afterAll(expectNoKeyInAnything)
afterEach(() => {
  vi.unstubAllEnvs()
  vi.unstubAllGlobals()
})

function startupError(run: () => unknown): AuthEndpointError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(AuthEndpointError)
    expect((error as AuthEndpointError).code).toBe('INVALID_OPTIONS')
    expect((error as Error).message).not.toContain(PRIVATE_KEY)
    return error as AuthEndpointError
  }
  throw new Error('expected createAuthHandler to throw')
}

describe('startup checks', () => {
  it('reads the key pair from IMAGEKIT_PUBLIC_KEY / IMAGEKIT_PRIVATE_KEY', async () => {
    vi.stubEnv('IMAGEKIT_PUBLIC_KEY', PUBLIC_KEY)
    vi.stubEnv('IMAGEKIT_PRIVATE_KEY', PRIVATE_KEY)
    const handler = createAuthHandler({ allowAnonymous: true, logger: recordingLogger() })
    expect((await call(handler)).json.publicKey).toBe(PUBLIC_KEY)
  })

  it('names the environment variable to set when a key is missing', () => {
    vi.stubEnv('IMAGEKIT_PUBLIC_KEY', '')
    vi.stubEnv('IMAGEKIT_PRIVATE_KEY', '')
    expect(startupError(() => createAuthHandler({ privateKey: PRIVATE_KEY })).message).toContain(
      'IMAGEKIT_PUBLIC_KEY',
    )
    expect(startupError(() => createAuthHandler({ publicKey: PUBLIC_KEY })).message).toContain(
      'IMAGEKIT_PRIVATE_KEY',
    )
  })

  it('refuses an expiresIn of 3600 s or more', () => {
    expect(startupError(() => handlerWith({ expiresIn: 3600 })).message).toMatch(/expiresIn.*below 3600/)
    expect(() => handlerWith({ expiresIn: 3599 })).not.toThrow()
    startupError(() => handlerWith({ expiresIn: 0 }))
  })

  it('refuses to run in a browser', () => {
    vi.stubGlobal('window', {})
    vi.stubGlobal('document', {})
    expect(startupError(() => handlerWith()).message).toMatch(/never reach a browser/)
    expect(() => handlerWith({ dangerouslyAllowBrowser: true })).not.toThrow()
  })

  it('refuses to run in a browser Web Worker or ServiceWorker (same coded error)', () => {
    class WorkerGlobalScope {
      importScripts() {}
    }
    class ServiceWorkerGlobalScope extends WorkerGlobalScope {}
    for (const Scope of [WorkerGlobalScope, ServiceWorkerGlobalScope]) {
      vi.stubGlobal('WorkerGlobalScope', WorkerGlobalScope)
      vi.stubGlobal('self', new Scope())
      expect(startupError(() => handlerWith()).message).toMatch(/never reach a browser/)
      expect(() => handlerWith({ dangerouslyAllowBrowser: true })).not.toThrow()
      vi.unstubAllGlobals()
    }
  })

  it('runs in server worker runtimes whose global scope has no importScripts (Cloudflare Workers, Deno)', () => {
    class WorkerGlobalScope {}
    vi.stubGlobal('WorkerGlobalScope', WorkerGlobalScope)
    vi.stubGlobal('self', new WorkerGlobalScope())
    expect(() => handlerWith()).not.toThrow()
  })

  it('refuses bad option values with a message saying what to fix', () => {
    expect(startupError(() => handlerWith({ apiVersion: 3 as 1 })).message).toContain('apiVersion')
    expect(startupError(() => handlerWith({ policy: { allowedFolders: ['../etc'] } })).message).toContain(
      'policy',
    )
    expect(startupError(() => handlerWith({ cors: { origins: ['*'] } })).message).toContain('exact origin')
    expect(startupError(() => handlerWith({ rateLimit: { limit: 0, intervalMs: 1000 } })).message).toContain(
      'rateLimit.limit',
    )
  })

  it('warns once at startup when allowAnonymous is on', async () => {
    const logger = recordingLogger()
    const handler = createAuthHandler({
      publicKey: PUBLIC_KEY,
      privateKey: PRIVATE_KEY,
      allowAnonymous: true,
      logger,
    })
    await call(handler)
    await call(handler)
    expect(logger.warn).toHaveBeenCalledTimes(1)
    expect(logger.lines[0]).toMatch(/allowAnonymous/)
  })
})

describe('startup checks: after-upload and webhook options', () => {
  it('refuses a bad onUploadComplete, revert, apiBaseUrl, apiTimeoutMs or fetch, naming the option', () => {
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ onUploadComplete: 'yes' }, /onUploadComplete/],
      [{ revert: 'always' }, /revert/],
      [{ revert: { windowMs: 0 } }, /revert\.windowMs/],
      [{ apiBaseUrl: 'api.imagekit.io' }, /apiBaseUrl/],
      [{ apiBaseUrl: 'ftp://api.imagekit.io' }, /apiBaseUrl/],
      [{ apiTimeoutMs: -1 }, /apiTimeoutMs/],
      [{ fetch: {} }, /fetch/],
    ]
    for (const [options, message] of bad) {
      expect(startupError(() => handlerWith(options as never)).message).toMatch(message)
    }
    expect(() =>
      handlerWith({ revert: { windowMs: 60_000 }, apiBaseUrl: 'http://127.0.0.1:4600/' }),
    ).not.toThrow()
  })

  it('a webhook endpoint refuses to start without a secret (IMAGEKIT_WEBHOOK_SECRET) or onEvent', async () => {
    const { createWebhookHandler } = await import('../src/index.js')
    vi.stubEnv('IMAGEKIT_WEBHOOK_SECRET', '')
    expect(startupError(() => createWebhookHandler({ onEvent: () => {} })).message).toMatch(
      /IMAGEKIT_WEBHOOK_SECRET/,
    )
    expect(startupError(() => createWebhookHandler({ secret: 's', onEvent: 'x' as never })).message).toMatch(
      /onEvent/,
    )
    vi.stubEnv('IMAGEKIT_WEBHOOK_SECRET', 'whsec_fromEnv')
    expect(() => createWebhookHandler({ onEvent: () => {} })).not.toThrow()
  })
})
