import type { RequestListener } from 'node:http'
import { ImageKit } from '@imagekit/nodejs'
import { type ReceivedWebhook, startWebhookReceiver } from '@upkit/imagekit-emulator'
import express from 'express'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { imagekitWebhook } from '../src/express.js'
import { createAuthHandler, isAuthEndpointError, verifyWebhook, type WebhookEvent } from '../src/index.js'
import { createWebhookRoute } from '../src/next.js'
import { createWebhookListener } from '../src/node.js'
import { toWebRequest, urlOf } from '../src/node-bridge.js'
import { listen, type Running } from './servers.js'
import { startImageKit, type TestImageKit, uploadThrough } from './support/emulator.js'
import { expectNoKeyInAnything, guardSecret, receive, recordingLogger } from './support.js'

const SECRET = 'whsec_TestWebhookSecret_5a6b7c8d9e'
guardSecret(SECRET)
afterAll(expectNoKeyInAnything)

let ik: TestImageKit
let servers: Running[] = []
beforeEach(async () => {
  ik = await startImageKit()
})
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()))
  servers = []
  await ik.stop()
})

/** A Next.js route handler served over real HTTP, the way Next hands it a web Request. */
function asNextServer(POST: (request: Request) => Promise<Response>): RequestListener {
  return async (req, res) => {
    const response = await POST(toWebRequest(req, urlOf(req)))
    res.writeHead(response.status, Object.fromEntries(response.headers))
    res.end(Buffer.from(await response.arrayBuffer()))
  }
}

type Target = (onEvent: (event: WebhookEvent) => void) => RequestListener
const TARGETS: [string, Target][] = [
  [
    'Express (express.raw)',
    (onEvent) => {
      const app = express()
      app.post(
        '/webhooks/imagekit',
        express.raw({ type: 'application/json' }),
        imagekitWebhook({ secret: SECRET, onEvent }),
      )
      return app
    },
  ],
  ['Next route handler', (onEvent) => asNextServer(createWebhookRoute({ secret: SECRET, onEvent }).POST)],
  ['node:http', (onEvent) => createWebhookListener({ secret: SECRET, onEvent })],
]

async function upload(name: string) {
  const { publicKey, privateKey } = ik.emu.keys.primary
  const sign = createAuthHandler({ publicKey, privateKey, logger: recordingLogger(), authorize: () => 'u' })
  return uploadThrough(sign, ik.emu, { fileName: name })
}

/** One real delivery of the emulator, captured raw (headers and body byte for byte). */
async function captured(name: string): Promise<ReceivedWebhook> {
  const receiver = await startWebhookReceiver()
  ik.emu.webhooks.configure({ url: receiver.url, secret: SECRET, retries: 0 })
  await upload(name)
  const hook = await receiver.next('file.created')
  await ik.emu.webhooks.settled()
  await receiver.close()
  return hook
}

const post = (url: string, hook: { headers: Record<string, string>; body: string }) => {
  const { host: _host, 'content-length': _length, connection: _connection, ...headers } = hook.headers
  return fetch(url, { method: 'POST', headers, body: hook.body })
}

describe.each(TARGETS)('webhooks: %s', (_name, target) => {
  it("verifies an emulator's signed file.created and hands the event to onEvent", async () => {
    const events: WebhookEvent[] = []
    const server = await listen(target((event) => events.push(event)))
    servers.push(server)
    ik.emu.webhooks.configure({ url: `${server.url}/webhooks/imagekit`, secret: SECRET, retries: 0 })
    const uploaded = await upload('hooked.png')
    await ik.emu.webhooks.settled()
    expect(ik.emu.webhooks.deliveries().at(-1)).toMatchObject({ type: 'file.created', status: 'delivered' })
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      type: 'file.created',
      data: { fileId: uploaded.fileId, name: 'hooked.png' },
    })
  })

  it('refuses a tampered body, a wrong signature and an old timestamp, without calling onEvent', async () => {
    const events: WebhookEvent[] = []
    const server = await listen(target((event) => events.push(event)))
    servers.push(server)
    const url = `${server.url}/webhooks/imagekit`
    const hook = await captured('a.png')
    const tampered = await receive(await post(url, { ...hook, body: hook.body.replace('a.png', 'b.png') }))
    expect([tampered.status, tampered.json.code]).toEqual([401, 'WEBHOOK_SIGNATURE_INVALID'])
    const forged = { ...hook.headers, 'webhook-signature': `v1,${Buffer.alloc(32).toString('base64')}` }
    expect((await receive(await post(url, { headers: forged, body: hook.body }))).json.code).toBe(
      'WEBHOOK_SIGNATURE_INVALID',
    )
    ik.clock.now -= 6 * 60_000
    const old = await captured('old.png')
    ik.clock.now += 6 * 60_000
    const late = await receive(await post(url, old))
    expect([late.status, late.json.code]).toEqual([401, 'WEBHOOK_TIMESTAMP_EXPIRED'])
    const { 'webhook-id': _id, ...unsigned } = hook.headers
    expect((await receive(await post(url, { headers: unsigned, body: hook.body }))).json.code).toBe(
      'WEBHOOK_MALFORMED',
    )
    expect(events).toEqual([])
  })
})

describe('webhooks: the Express body must stay raw', () => {
  it('after express.json() it answers 500 and logs the fix (express.raw)', async () => {
    const logger = recordingLogger()
    const app = express()
    app.use(express.json())
    app.post('/hook', imagekitWebhook({ secret: SECRET, onEvent: () => {}, logger }))
    const server = await listen(app)
    servers.push(server)
    const hook = await captured('json.png')
    const got = await receive(await post(`${server.url}/hook`, hook))
    expect([got.status, got.json.code]).toEqual([500, 'INTERNAL'])
    expect(logger.lines.join('\n')).toContain("express.raw({ type: 'application/json' })")
  })

  it('a throwing onEvent answers 500, so ImageKit delivers the event again', async () => {
    let calls = 0
    const listener = createWebhookListener({
      secret: SECRET,
      logger: recordingLogger(),
      onEvent: () => {
        calls++
        if (calls === 1) throw new Error('database busy')
      },
    })
    const server = await listen(listener)
    servers.push(server)
    ik.emu.webhooks.configure({ url: server.url, secret: SECRET, retries: 1, retryDelayMs: 10 })
    await upload('retry.png')
    await ik.emu.webhooks.settled()
    expect(ik.emu.webhooks.deliveries().at(-1)).toMatchObject({ status: 'delivered', attempts: 2 })
    expect(calls).toBe(2)
  })
})

describe('verifyWebhook matches @imagekit/nodejs webhooks.unwrap', () => {
  const sdk = (secret: string) => new ImageKit({ privateKey: 'unused', webhookSecret: secret })
  const outcome = async (run: () => unknown) => {
    try {
      return { ok: true, value: await run() }
    } catch (error) {
      return { ok: false, code: isAuthEndpointError(error) ? error.code : 'thrown' }
    }
  }

  it('accepts and refuses exactly the same deliveries, and parses the same event', async () => {
    const hook = await captured('same.png')
    ik.clock.now -= 6 * 60_000
    const old = await captured('old.png')
    ik.clock.now += 12 * 60_000
    const future = await captured('future.png')
    ik.clock.now -= 6 * 60_000
    const signature = hook.headers['webhook-signature'] ?? ''
    const cases: [string, { headers: Record<string, string>; body: string }, string, boolean][] = [
      ['as sent', hook, SECRET, true],
      ['tampered body', { ...hook, body: hook.body.replace('same.png', 'else.png') }, SECRET, false],
      ['wrong secret', hook, 'whsec_not-the-secret', false],
      ['six minutes old', old, SECRET, false],
      ['six minutes ahead', future, SECRET, false],
      [
        'several signatures, one good',
        { ...hook, headers: { ...hook.headers, 'webhook-signature': `v1,AAAA ${signature}` } },
        SECRET,
        true,
      ],
      [
        'another scheme only',
        { ...hook, headers: { ...hook.headers, 'webhook-signature': signature.replace('v1,', 'v2,') } },
        SECRET,
        false,
      ],
      [
        'no signature header',
        { ...hook, headers: { ...hook.headers, 'webhook-signature': '' } },
        SECRET,
        false,
      ],
    ]
    for (const [name, { headers, body }, secret, valid] of cases) {
      const theirs = await outcome(() => sdk(secret).webhooks.unwrap(body, { headers }))
      const ours = await outcome(() => verifyWebhook({ headers, body }, secret))
      expect({ name, ok: ours.ok }).toEqual({ name, ok: valid })
      expect({ name, ok: theirs.ok }).toEqual({ name, ok: valid })
      if (valid) expect(ours.value).toEqual(theirs.value)
    }
  })

  it('takes a web Request too, and honours toleranceSeconds and now', async () => {
    const hook = await captured('request.png')
    const request = new Request('http://localhost/hook', {
      method: 'POST',
      headers: hook.headers,
      body: hook.body,
    })
    expect((await verifyWebhook(request, SECRET)).type).toBe('file.created')
    const later = () => ik.clock.now + 61_000
    const strict = await outcome(() => verifyWebhook(hook, SECRET, { toleranceSeconds: 60, now: later }))
    expect(strict).toEqual({ ok: false, code: 'WEBHOOK_TIMESTAMP_EXPIRED' })
  })
})
