import { describe, expect, it } from 'vitest'
import { createUploader } from '../src/index.js'
import {
  FakeUploadServer,
  fakeOnline,
  fakeSigner,
  makeFile,
  successBody,
  waitFor,
} from './helpers/fake-xhr.js'

describe('going offline mid-upload', () => {
  it('cuts the attempt in flight, waits for the connection without spending the budget, then uploads', async () => {
    const server = new FakeUploadServer()
    server.onRequest = (xhr) => {
      if (server.requests.length > 1) xhr.respond(200, successBody('a.png'))
    } // the first one hangs, as a request does when the network is gone
    const online = fakeOnline(true)
    const uploader = createUploader({
      publicKey: 'pk',
      auth: '/auth',
      xhr: server.xhr,
      fetch: fakeSigner().fetch,
      online,
      retry: { limit: 0 },
    })
    await uploader.addFiles([makeFile('a.png')])
    await waitFor(uploader, (s) => s.files[0]?.status === 'uploading')
    online.set(false)
    const waiting = await waitFor(uploader, (s) => s.files[0]?.waitingForNetwork === true)
    expect(server.requests[0]?.aborted).toBe(true)
    expect(waiting.files[0]).toMatchObject({ status: 'retrying', attempt: 1 })
    expect(waiting.online).toBe(false)
    online.set(true)
    const done = await waitFor(uploader, (s) => s.counts.success === 1)
    expect(done.files[0]?.attempt).toBe(2) // a retry limit of 0, and still uploaded: offline cost nothing
  })
})
