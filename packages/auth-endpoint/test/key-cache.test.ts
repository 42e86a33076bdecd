import { createHmac } from 'node:crypto'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { createSignature } from '../src/index.js'
import { webCryptoHmac } from '../src/sign.js'
import { call, expectNoKeyInAnything, handlerWith, postJson, ROTATED_KEYS } from './support.js'

afterAll(expectNoKeyInAnything)
afterEach(() => vi.restoreAllMocks())

const spyImport = () => vi.spyOn(globalThis.crypto.subtle, 'importKey')
const expected = (key: string, data: string) => createHmac('sha1', key).update(data).digest('hex')

describe('key material is derived once per private key', () => {
  it('createSignature imports the HMAC key at most once for the same private key', async () => {
    const importKey = spyImport()
    for (let i = 0; i < 20; i++) {
      expect(await createSignature('private_key_test', 'your_token', 1582269249)).toBe(
        'e71bcd6031016b060d349d212e23e85c791decdd',
      )
    }
    expect(importKey.mock.calls.length).toBeLessThanOrEqual(1)
  })

  it('the WebCrypto path (edge runtimes, workers) imports once and signs correctly', async () => {
    const importKey = spyImport()
    const sign = webCryptoHmac('SHA-1', 'private_WebCryptoOnly_dddd4444=')
    for (let i = 0; i < 5; i++) {
      expect(await sign(`token${i}`)).toBe(expected('private_WebCryptoOnly_dddd4444=', `token${i}`))
    }
    expect(importKey).toHaveBeenCalledTimes(1)
  })

  it('without node:crypto (edge runtimes, workers), createSignature falls back to WebCrypto', async () => {
    const builtin = Object.getOwnPropertyDescriptor(process, 'getBuiltinModule')
    Object.defineProperty(process, 'getBuiltinModule', { value: undefined, configurable: true })
    try {
      vi.resetModules()
      const fresh = await import('../src/sign.js')
      const importKey = spyImport()
      for (let i = 0; i < 3; i++) {
        expect(await fresh.createSignature('private_key_test', 'your_token', 1582269249)).toBe(
          'e71bcd6031016b060d349d212e23e85c791decdd',
        )
      }
      expect(importKey).toHaveBeenCalledTimes(1)
    } finally {
      if (builtin !== undefined) Object.defineProperty(process, 'getBuiltinModule', builtin)
    }
  })

  it('a rolled key from the provider is imported again and used at once', async () => {
    let current = ROTATED_KEYS[0] as string
    const handler = handlerWith({ privateKey: () => current, rateLimit: false })
    const first = (await call(handler)).json
    current = ROTATED_KEYS[1] as string
    const second = (await call(handler)).json
    expect(first.signature).toBe(expected(ROTATED_KEYS[0] as string, `${first.token}${first.expire}`))
    expect(second.signature).toBe(expected(ROTATED_KEYS[1] as string, `${second.token}${second.expire}`))
  })

  it('V2 imports the JWT key at most once for the same private key', async () => {
    const handler = handlerWith({
      apiVersion: 2,
      privateKey: 'private_JwtKeyOnce_eeee5555=',
      rateLimit: false,
    })
    await call(handler, postJson({ fileName: 'warm.png' }))
    const importKey = spyImport()
    for (let i = 0; i < 10; i++)
      expect((await call(handler, postJson({ fileName: `${i}.png` }))).status).toBe(200)
    expect(importKey).not.toHaveBeenCalled()
  })
})
