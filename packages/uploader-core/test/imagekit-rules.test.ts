import { describe, expect, it, vi } from 'vitest'
import { createUploader } from '../src/index.js'
import { encodeParams } from '../src/params.js'
import { FakeUploadServer, fakeSigner, makeFile, successBody, waitFor } from './helpers/fake-xhr.js'

describe('ImageKit field encoding', () => {
  it('sends extensions as JSON always, an empty list as "[]" (as @imagekit/javascript does)', () => {
    expect(encodeParams({ extensions: [] })).toEqual({ extensions: '[]' })
    expect(
      encodeParams({ extensions: [{ name: 'google-auto-tagging', maxTags: 5, minConfidence: 95 }] }),
    ).toEqual({
      extensions: '[{"name":"google-auto-tagging","maxTags":5,"minConfidence":95}]',
    })
    expect(encodeParams({ tags: [] })).toEqual({ tags: '' })
  })
})

describe('ImageKit answers', () => {
  it('retries the spec’s transient 400 "too many requests to update the file recently" after a wait', async () => {
    const server = new FakeUploadServer()
    server.onRequest = (xhr) =>
      server.requests.length === 1
        ? xhr.respond(400, {
            message: 'You have sent too many requests to update the file recently. Please try again later.',
          })
        : xhr.respond(200, successBody('a.png'))
    const retried = vi.fn()
    const uploader = createUploader({
      publicKey: 'pk',
      auth: '/auth',
      xhr: server.xhr,
      fetch: fakeSigner().fetch,
      retry: { baseDelayMs: 5, maxDelayMs: 5, jitter: false },
    })
    uploader.on('retry-scheduled', ({ error, delayMs }) => retried(error.code, delayMs))
    await uploader.addFiles([makeFile('a.png')])
    await waitFor(uploader, (s) => s.counts.success === 1)
    expect(retried).toHaveBeenCalledWith('RATE_LIMITED', 5)
  })

  it('a 202 is neither a success without a record nor a failure: the file is accepted for processing', async () => {
    const server = new FakeUploadServer()
    server.onRequest = (xhr) =>
      xhr.respond(202, { message: 'The pre-transformation has been queued successfully.' })
    const uploader = createUploader({
      publicKey: 'pk',
      auth: '/auth',
      xhr: server.xhr,
      fetch: fakeSigner().fetch,
    })
    const success = vi.fn()
    const accepted = vi.fn()
    const complete = vi.fn()
    uploader.on('upload-success', success)
    uploader.on('upload-accepted', ({ message }) => accepted(message))
    uploader.on('complete', complete)
    await uploader.addFiles([makeFile('clip.mp4', 10, 'video/mp4')])
    const snap = await waitFor(uploader, (s) => !s.isUploading && s.files.length === 1)
    expect(snap.files[0]).toMatchObject({
      status: 'processing',
      percent: 100,
      notice: expect.stringMatching(/queued/),
    })
    expect(snap.files[0]?.result).toBeUndefined()
    expect(snap.counts.processing).toBe(1)
    expect(success).not.toHaveBeenCalled()
    expect(accepted).toHaveBeenCalledWith('The pre-transformation has been queued successfully.')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(complete.mock.calls[0]?.[0]).toMatchObject({
      successful: [],
      failed: [],
      accepted: [{ name: 'clip.mp4' }],
    })
  })

  it('a 200 without ImageKit’s record (no fileId or url) is a server error, not a success with undefined', async () => {
    const server = new FakeUploadServer()
    server.onRequest = (xhr) => xhr.respond(200, { ok: true })
    const uploader = createUploader({
      publicKey: 'pk',
      auth: '/auth',
      xhr: server.xhr,
      fetch: fakeSigner().fetch,
    })
    await uploader.addFiles([makeFile('a.png')])
    const snap = await waitFor(uploader, (s) => s.counts.error === 1)
    expect(snap.files[0]?.error?.code).toBe('SERVER_ERROR')
  })
})
