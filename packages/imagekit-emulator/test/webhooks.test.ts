import { createHmac } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ImageKit } from '@imagekit/nodejs'
import { afterEach, describe, expect, it } from 'vitest'
import { signWebhook, startWebhookReceiver, type WebhookReceiver } from '../src/index.js'
import { type Harness, harness, png, stopHarness, uploadV1 } from './helpers.js'
import { api } from './media-helpers.js'

const SECRET = 'whsec_EvCLlGyctj2WyIMW2r62m3JnyN4SXMsY'

let h: Harness | undefined
let receiver: WebhookReceiver | undefined
afterEach(async () => {
  await stopHarness(h)
  await receiver?.close()
  h = undefined
  receiver = undefined
})

async function setup(status?: (n: number) => number, retryDelayMs = 10) {
  receiver = await startWebhookReceiver(status)
  h = await harness({ webhook: { url: receiver.url, secret: SECRET, retryDelayMs } })
  return { h, receiver }
}

/** The SDK's own verifier: `client.webhooks.unwrap(body, { headers, key })`. */
const unwrap = (body: string, headers: Record<string, string>, key = SECRET) =>
  new ImageKit({ privateKey: 'unused', webhookSecret: key }).webhooks.unwrap(body, { headers })

describe('webhooks: signed events to the configured URL', () => {
  it('an upload sends file.created with the file object, signed so the SDK verifies it', async () => {
    const { h, receiver } = await setup()
    const upload = await uploadV1(h, { fileName: 'hook.txt' })
    const hook = await receiver.next('file.created')
    expect(hook.event).toMatchObject({
      type: 'file.created',
      id: hook.headers['webhook-id'],
      created_at: new Date(h.clock.now).toISOString(),
      data: { fileId: upload.body.fileId, name: upload.body.name, type: 'file', fileType: 'non-image' },
    })
    expect(unwrap(hook.body, hook.headers)).toEqual(hook.event)
    await h.emu.webhooks.settled()
    expect(h.emu.webhooks.deliveries()).toMatchObject([
      { type: 'file.created', status: 'delivered', attempts: 1 },
    ])
  })

  it('a tampered body, a wrong secret or an old timestamp fails the SDK verifier', async () => {
    const { h, receiver } = await setup()
    await uploadV1(h)
    const { body, headers } = await receiver.next()
    expect(() => unwrap(body.replace('file.created', 'file.deleted'), headers)).toThrow(/signature/i)
    expect(() => unwrap(body, headers, 'whsec_not-the-secret')).toThrow(/signature/i)
    h.clock.now -= 6 * 60 * 1000 // the emulator's clock: its next signature is six minutes old
    await uploadV1(h)
    const old = await receiver.next()
    expect(() => unwrap(old.body, old.headers)).toThrow(/too old/)
  })

  it('also signs with the older x-ik-signature scheme (t=<ms>,v1=<hex HMAC-SHA256 of "t.body">)', async () => {
    const { h, receiver } = await setup()
    await uploadV1(h)
    const { body, headers } = await receiver.next()
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(headers['x-ik-signature'] ?? '') ?? []
    expect(Number(t)).toBe(h.clock.now)
    expect(v1).toBe(createHmac('sha256', SECRET).update(`${t}.${body}`).digest('hex'))
  })

  it('updates and deletes through the media API send file.updated and file.deleted', async () => {
    const { h, receiver } = await setup()
    const { body } = await uploadV1(h)
    const fileId = String(body.fileId)
    await api(h, 'PATCH', `/v1/files/${fileId}/details`, { body: { tags: ['new'] } })
    await api(h, 'DELETE', `/v1/files/${fileId}`)
    expect((await receiver.next('file.updated')).event.data).toMatchObject({ fileId, tags: ['new'] })
    expect((await receiver.next('file.deleted')).event.data).toEqual({ fileId })
  })

  it('an overwrite sends file-version.created; a pre-transformation its success event with the request id', async () => {
    const { h, receiver } = await setup()
    const fields = { file: await png(8, 8), fileName: 'same.png', useUniqueFileName: 'false' }
    await uploadV1(h, fields)
    const second = await uploadV1(h, { ...fields, transformation: JSON.stringify({ pre: 'w-100' }) })
    expect(second.status).toBe(200)
    expect((await receiver.next('file-version.created')).event.data).toMatchObject({ name: 'same.png' })
    const pre = await receiver.next('upload.pre-transform.success')
    expect(pre.event.request).toEqual({
      transformation: 'w-100',
      x_request_id: second.headers.get('x-request-id'),
    })
  })

  it('retries a failing endpoint a couple of times, with the same event id', async () => {
    const { h, receiver } = await setup((n) => (n < 3 ? 503 : 200))
    await uploadV1(h)
    await h.emu.webhooks.settled()
    expect(receiver.received).toHaveLength(3)
    expect(new Set(receiver.received.map((hook) => hook.headers['webhook-id'])).size).toBe(1)
    expect(h.emu.webhooks.deliveries()).toMatchObject([{ status: 'delivered', attempts: 3, lastStatus: 200 }])
    expect(() => unwrap(receiver.received[2]?.body ?? '', receiver.received[2]?.headers ?? {})).not.toThrow()
  })

  it('gives up after the retries when the endpoint keeps failing', async () => {
    const { h } = await setup(() => 500)
    await uploadV1(h)
    await h.emu.webhooks.settled()
    expect(h.emu.webhooks.deliveries()).toMatchObject([{ status: 'failed', attempts: 3, lastStatus: 500 }])
  })

  it('never holds up the upload answer, however slow the endpoint', async () => {
    const slow = createServer(() => undefined) // never answers
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`
    try {
      h = await harness({ webhook: { url, secret: SECRET, retries: 0, timeoutMs: 60_000 } })
      const started = Date.now()
      expect((await uploadV1(h)).status).toBe(200)
      expect(Date.now() - started).toBeLessThan(2000)
      expect(h.emu.webhooks.deliveries()).toMatchObject([{ status: 'pending' }])
      await stopHarness(h) // stop() aborts the delivery in flight
      h = undefined
    } finally {
      slow.closeAllConnections()
      slow.close()
    }
  })

  it('can be pointed elsewhere at runtime, over HTTP too (POST /_emulator/webhooks)', async () => {
    receiver = await startWebhookReceiver()
    h = await harness()
    await uploadV1(h, { fileName: 'unseen.txt' })
    const configure = (body: unknown) =>
      fetch(`${h?.emu.url}/_emulator/webhooks`, { method: 'POST', body: JSON.stringify(body) })
    expect((await configure({ url: receiver.url, secret: SECRET })).status).toBe(200)
    expect((await configure({ url: 'not a url', secret: SECRET })).status).toBe(400)
    await uploadV1(h, { fileName: 'seen.txt' })
    const hook = await receiver.next('file.created')
    expect(hook.event.data).toMatchObject({ name: expect.stringMatching(/^seen_/) })
    expect(unwrap(hook.body, hook.headers)).toEqual(hook.event)
    expect(await (await fetch(`${h.emu.url}/_emulator/webhooks`)).json()).toHaveLength(1)
    await configure({ url: null })
    await uploadV1(h, { fileName: 'unseen-again.txt' })
    await h.emu.webhooks.settled()
    expect(receiver.received).toHaveLength(1)
  })

  it('signWebhook is exported, for testing a verifier without an emulator', () => {
    const headers = signWebhook(SECRET, 'evt_1', '{"type":"file.created"}', Date.now())
    expect(unwrap('{"type":"file.created"}', headers)).toEqual({ type: 'file.created' })
  })
})
