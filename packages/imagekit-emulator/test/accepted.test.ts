import { afterEach, describe, expect, it } from 'vitest'
import {
  acceptedFault,
  gatewayErrorFault,
  startWebhookReceiver,
  updateThrottledFault,
  type WebhookReceiver,
} from '../src/index.js'
import { messages } from '../src/messages.js'
import { uploadAnswerErrors } from './conformance/upload-schema.js'
import { type Harness, HELP, harness, png, stopHarness, uploadV1 } from './helpers.js'
import { blob, tinyMp4 } from './media-fixtures.js'

const QUEUED = 'The pre-transformation has been queued successfully.'
const THROTTLED = 'You have sent too many requests to update the file recently. Please try again later.'

let h: Harness | undefined
let receiver: WebhookReceiver | undefined
afterEach(async () => {
  await stopHarness(h)
  await receiver?.close()
  h = undefined
  receiver = undefined
})

async function setup(): Promise<{ h: Harness; receiver: WebhookReceiver }> {
  receiver = await startWebhookReceiver()
  h = await harness({ webhook: { url: receiver.url, secret: 'whsec_test', retryDelayMs: 10 } })
  return { h, receiver }
}

const video = () => blob(tinyMp4(), 'video/mp4')
const pre = (value = 'w-200') => JSON.stringify({ pre: value })

async function control(target: Harness, method: string, path: string, body?: unknown) {
  const response = await fetch(`${target.emu.url}/_emulator${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: response.status, json: (await response.json()) as Record<string, unknown> }
}

describe('202: a video pre-transformation is queued (OAS upload 202; GB-docs "Asynchronous behaviour")', () => {
  it('answers 202 { message } only, with the request ids, and keeps the original bytes listed', async () => {
    const { h } = await setup()
    const bytes = tinyMp4()
    const answer = await uploadV1(h, {
      file: blob(bytes, 'video/mp4'),
      fileName: 'clip.mp4',
      transformation: pre(),
    })
    expect(answer.status).toBe(202)
    expect(answer.body).toEqual({ message: QUEUED })
    expect(answer.headers.get('x-ik-requestid')).toBeTruthy()
    const [stored] = await h.emu.files()
    expect(stored).toMatchObject({ fileType: 'non-image', mime: 'video/mp4', size: bytes.length })
    const served = await fetch(String(stored?.url))
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes)
    expect(h.emu.stats()).toMatchObject({ requests: 1, uploads: 1 })
  })

  it('the record follows by webhook: upload.pre-transform.success carries the upload answer', async () => {
    const { h, receiver } = await setup()
    const answer = await uploadV1(h, { file: video(), fileName: 'clip.mp4', transformation: pre('h-300') })
    const created = await receiver.next('file.created')
    const hook = await receiver.next('upload.pre-transform.success')
    const [stored] = await h.emu.files()
    expect(hook.event.request).toEqual({
      transformation: 'h-300',
      x_request_id: answer.headers.get('x-request-id'),
    })
    expect(hook.event.data).toMatchObject({
      fileId: stored?.fileId,
      name: stored?.name,
      url: stored?.url,
      fileType: 'non-image',
      duration: 2,
    })
    expect(uploadAnswerErrors(hook.event.data)).toEqual([]) // the record the 202 left out, per the schema
    expect(created.event.data).toMatchObject({ fileId: stored?.fileId })
  })

  it('the v2 endpoint queues it too (same OAS 202 on /api/v2/files/upload)', async () => {
    const h1 = await harness()
    h = h1
    const body = new FormData()
    body.set('file', video())
    body.set('fileName', 'clip.mp4')
    body.set('transformation', pre())
    const privateKey = h1.emu.keys.primary.privateKey
    const response = await fetch(h1.emu.uploadUrlV2, {
      method: 'POST',
      body,
      headers: { Authorization: `Basic ${Buffer.from(`${privateKey}:`).toString('base64')}` },
    })
    expect(response.status).toBe(202)
    expect(await response.json()).toEqual({ message: QUEUED })
  })

  it('stays 200 with the record for an image with `pre` (sync for images) and a video with only `post`', async () => {
    h = await harness()
    const image = await uploadV1(h, { file: await png(8, 8), fileName: 'a.png', transformation: pre() })
    expect(image.status).toBe(200)
    expect(image.body).toMatchObject({ fileType: 'image', width: 8 })
    const postOnly = JSON.stringify({ post: [{ type: 'thumbnail' }] })
    const clip = await uploadV1(h, { file: video(), fileName: 'b.mp4', transformation: postOnly })
    expect(clip.status).toBe(200)
    expect(clip.body).toMatchObject({ fileType: 'non-image', duration: 2 })
  })

  it('the transformation checks still come first: a bad post step on a video answers its 400', async () => {
    h = await harness()
    const transformation = JSON.stringify({ pre: 'w-100', post: [{ type: 'gif-to-video' }] })
    const answer = await uploadV1(h, { file: video(), fileName: 'c.mp4', transformation })
    expect(answer).toMatchObject({ status: 400, body: { message: messages.postTransformationIncompatible } })
    expect(await h.emu.files()).toEqual([])
  })
})

describe('fault presets', () => {
  it('acceptedFault(): the next N uploads answer the 202, whatever the file, and store nothing', async () => {
    h = await harness()
    h.emu.faults.add({ times: 2, action: acceptedFault() })
    for (const fileName of ['a.txt', 'b.png']) {
      const answer = await uploadV1(h, { fileName })
      expect(answer.status).toBe(202)
      expect(answer.body).toEqual({ message: QUEUED })
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
      expect(answer.headers.get('x-ik-requestid')).toBeTruthy()
    }
    expect(await h.emu.files()).toEqual([])
    expect((await uploadV1(h)).status).toBe(200)
  })

  it('updateThrottledFault(): the OAS 400 with help and no rate-limit headers (the OAS gives none)', async () => {
    h = await harness()
    h.emu.faults.add({ times: 1, action: updateThrottledFault() })
    const answer = await uploadV1(h)
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual({ message: THROTTLED, help: HELP })
    expect(answer.headers.get('x-ratelimit-reset')).toBeNull()
    expect(answer.headers.get('retry-after')).toBeNull()
    expect((await uploadV1(h)).status).toBe(200)
  })

  it('over HTTP: POST /_emulator/faults { preset, times } adds the same action as the code', async () => {
    h = await harness()
    const added = await control(h, 'POST', '/faults', { preset: 'accepted', times: 1 })
    expect(added.status).toBe(200)
    await control(h, 'POST', '/faults', { preset: 'update-throttled', times: 1 })
    await control(h, 'POST', '/faults', { preset: 'gateway-error', times: 1 })
    expect(h.emu.faults.list().map((rule) => rule.action)).toEqual([
      acceptedFault(),
      updateThrottledFault(),
      gatewayErrorFault(),
    ])
    expect((await uploadV1(h)).status).toBe(202)
    expect((await uploadV1(h)).body.message).toBe(THROTTLED)
    expect((await uploadV1(h)).status).toBe(502)
  })

  it('over HTTP: an unknown preset, or a preset and an action together, is a 400 naming the presets', async () => {
    h = await harness()
    const unknown = await control(h, 'POST', '/faults', { preset: 'boom' })
    expect(unknown.status).toBe(400)
    expect(unknown.json.message).toContain('accepted, update-throttled, gateway-error')
    const both = await control(h, 'POST', '/faults', { preset: 'accepted', action: { type: 'storage-full' } })
    expect(both.status).toBe(400)
    expect(h.emu.faults.list()).toEqual([])
  })
})
