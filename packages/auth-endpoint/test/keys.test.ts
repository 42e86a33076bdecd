import { createHmac } from 'node:crypto'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import {
  call,
  expectNoKeyInAnything,
  handlerWith,
  KEY_IN_ERROR,
  PRIVATE_KEY,
  PUBLIC_KEY,
  postJson,
  ROTATED_KEYS,
  recordingLogger,
} from './support.js'

afterAll(expectNoKeyInAnything)

const verifies = (key: string, answer: { token: string; expire: number; signature: string }) =>
  createHmac('sha1', key).update(`${answer.token}${answer.expire}`).digest('hex') === answer.signature

describe('the private key', () => {
  it('may come from an async provider, asked per request, so a rolled key is used without a restart', async () => {
    let current = ROTATED_KEYS[0] as string
    let calls = 0
    const handler = handlerWith({
      privateKey: async () => {
        calls++
        return current
      },
    })
    const first = (await call(handler)).json
    expect(verifies(ROTATED_KEYS[0] as string, first)).toBe(true)
    current = ROTATED_KEYS[1] as string
    const second = (await call(handler, postJson({ files: [{ fileName: 'a' }, { fileName: 'b' }] }))).json
    expect(second.files.every((answer: never) => verifies(ROTATED_KEYS[1] as string, answer))).toBe(true)
    expect(calls).toBe(2)
  })

  it('a provider that throws an error containing the key → 500 INTERNAL; the key is in no answer or log', async () => {
    const logger = recordingLogger()
    const handler = handlerWith({
      logger,
      privateKey: () => {
        throw new Error(`vault said: ${KEY_IN_ERROR} is revoked`)
      },
    })
    const { status, json, text } = await call(handler)
    expect(status).toBe(500)
    expect(json.code).toBe('INTERNAL')
    expect(text).not.toContain(KEY_IN_ERROR)
    expect(logger.error).toHaveBeenCalledOnce()
    expect(logger.lines.join('\n')).toContain('private key provider failed (Error)')
    expect(logger.lines.join('\n')).not.toContain(KEY_IN_ERROR)
  })

  it('a provider returning nothing → 500 INTERNAL', async () => {
    const { status } = await call(handlerWith({ privateKey: async () => '' }))
    expect(status).toBe(500)
  })

  it('is redacted from errors the app throws and from anything else on the way out', async () => {
    const logger = recordingLogger()
    const throwsKey = handlerWith({
      logger,
      authorize: () => {
        throw new Error(`bad config ${PRIVATE_KEY}`)
      },
    })
    const refused = await call(throwsKey)
    expect(refused.status).toBe(403)
    expect(logger.lines.join('\n')).toContain('bad config [redacted]')
    const echoesKey = handlerWith({ authorize: () => new Response(`key=${PRIVATE_KEY}`, { status: 403 }) })
    const replaced = await call(echoesKey)
    expect(replaced.status).toBe(500)
    expect(replaced.json.code).toBe('INTERNAL')
  })
})

describe('a short development key', () => {
  it('signs normally (answers are only searched for keys of 8+ characters)', async () => {
    const { status, json } = await call(handlerWith({ publicKey: 'p', privateKey: 'k' }))
    expect(status).toBe(200)
    expect(verifies('k', json)).toBe(true)
  })
})

describe('the leak guard', () => {
  afterEach(() => vi.restoreAllMocks())

  it('replaces a signature answer that would carry the key (here: inside the public key) by 500 INTERNAL', async () => {
    const handler = handlerWith({ publicKey: `${PUBLIC_KEY}${PRIVATE_KEY}` })
    for (const request of [undefined, postJson({ fileName: 'a.png' })]) {
      const { status, json } = await call(handler, request)
      expect(status).toBe(500)
      expect(json.code).toBe('INTERNAL')
    }
  })

  it("checks a relayed refusal's headers and cookies too", async () => {
    const refusals = [
      () => new Response('no', { status: 403, headers: { 'x-debug': PRIVATE_KEY } }),
      () => new Response('no', { status: 403, headers: { 'set-cookie': `k=${PRIVATE_KEY}` } }),
      () => new Response(null, { status: 401, headers: { 'x-debug': `key ${PRIVATE_KEY}` } }),
    ]
    for (const authorize of refusals) {
      const { status, json, headers } = await call(handlerWith({ authorize }))
      expect(status).toBe(500)
      expect(json.code).toBe('INTERNAL')
      expect(headers.get('set-cookie')).toBeNull()
    }
  })

  it('relays a clean refusal with its cookies', async () => {
    const authorize = () => {
      const headers = new Headers({ 'content-type': 'text/plain' })
      headers.append('set-cookie', 'a=1')
      headers.append('set-cookie', 'b=2')
      return new Response('Editors only.', { status: 403, headers })
    }
    const { status, text, headers } = await call(handlerWith({ authorize }))
    expect(status).toBe(403)
    expect(text).toBe('Editors only.')
    expect(headers.getSetCookie()).toEqual(['a=1', 'b=2'])
    expect(headers.get('content-type')).toBe('text/plain')
  })

  it('checks answers as strings before they become a Response: none is cloned or read back', async () => {
    const clone = vi.spyOn(Response.prototype, 'clone')
    const handler = handlerWith()
    expect((await call(handler)).status).toBe(200)
    expect((await call(handler, postJson({ fileName: 'a.png' }))).status).toBe(200)
    expect((await call(handler, postJson('{'))).status).toBe(400)
    expect(clone).not.toHaveBeenCalled()
  })
})
