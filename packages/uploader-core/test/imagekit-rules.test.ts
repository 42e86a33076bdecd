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
})
