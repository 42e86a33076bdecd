import { describe, expect, it, vi } from 'vitest'
import { createUploader, isUploadError } from '../src/index.js'
import { settled, setupUploader as setup } from './helpers/fake-uploader.js'
import { FakeUploadServer, fakeOnline, makeFile, successBody, waitFor } from './helpers/fake-xhr.js'

describe('createUploader', () => {
  it('uploads a file with a fresh signature and ImageKit field encoding', async () => {
    const { server, signer, uploader } = setup({
      params: { folder: '/a', tags: ['x', 'y'], useUniqueFileName: false, customMetadata: { k: 1 } },
    })
    const success = vi.fn()
    uploader.on('upload-success', success)
    await uploader.addFiles([makeFile('a.png')])
    const snap = await waitFor(uploader, settled)
    expect(snap.files[0]).toMatchObject({ status: 'success', percent: 100, attempt: 1 })
    expect(success).toHaveBeenCalledTimes(1)
    const req = server.requests[0]!
    expect(req.url).toBe('https://upload.imagekit.io/api/v1/files/upload')
    expect(req.field('useUniqueFileName')).toBe('false')
    expect(req.field('tags')).toBe('x,y')
    expect(req.field('customMetadata')).toBe('{"k":1}')
    expect(req.field('fileName')).toBe('a.png')
    expect(req.field('publicKey')).toBe('public_test')
    expect(req.field('token')).toBe('tok-1')
    expect(signer.calls[0]!.init.cache).toBe('no-store')
  })

  it('keeps the same snapshot reference while nothing changes', async () => {
    const { uploader } = setup()
    const a = uploader.getSnapshot()
    expect(uploader.getSnapshot()).toBe(a)
    await uploader.addFiles([makeFile('a.png')])
    expect(uploader.getSnapshot()).not.toBe(a)
    const b = await waitFor(uploader, settled)
    expect(uploader.getSnapshot()).toBe(b)
  })

  it('respects concurrency', async () => {
    const { server, uploader } = setup({ concurrency: 2 })
    await uploader.addFiles(Array.from({ length: 7 }, (_, i) => makeFile(`f${i}.png`)))
    await waitFor(uploader, (s) => s.counts.success === 7)
    expect(server.maxInFlight).toBe(2)
    expect(new Set(server.requests.map((r) => r.field('token'))).size).toBe(7)
  })

  it('retries a 503 with a new token, and never a 400', async () => {
    const { server, uploader } = setup()
    server.onRequest = (xhr) => {
      const name = xhr.field('fileName')
      const n = server.requests.filter((r) => r.field('fileName') === name).length
      if (name === 'bad.png') xhr.respond(400, { message: 'Your request is missing file parameter.' })
      else if (n === 1) xhr.respond(503, { message: 'down' }, { 'x-ik-requestid': 'req-1' })
      else xhr.respond(200, successBody(name!))
    }
    const retried = vi.fn()
    uploader.on('retry-scheduled', retried)
    await uploader.addFiles([makeFile('ok.png'), makeFile('bad.png')])
    const snap = await waitFor(uploader, (s) => s.counts.success + s.counts.error === 2)
    const ok = snap.files.find((f) => f.name === 'ok.png')!
    const bad = snap.files.find((f) => f.name === 'bad.png')!
    expect(ok).toMatchObject({ status: 'success', attempt: 2 })
    expect(bad.error).toMatchObject({ code: 'INVALID_REQUEST', status: 400, retryable: false })
    expect(retried).toHaveBeenCalledTimes(1)
    const tokens = server.requests
      .filter((r) => r.field('fileName') === 'ok.png')
      .map((r) => r.field('token'))
    expect(new Set(tokens).size).toBe(2)
    expect(server.requests.filter((r) => r.field('fileName') === 'bad.png')).toHaveLength(1)
  })

  it('re-signs once on an expired signature, then gives up', async () => {
    const { server, uploader } = setup()
    server.onRequest = (xhr) =>
      xhr.respond(400, {
        message:
          'Your request contains invalid expire parameter. Expire parameter should be a Unix time in less than 1 hour into the future.',
      })
    await uploader.addFiles([makeFile('a.png')])
    const snap = await waitFor(uploader, settled)
    expect(server.requests).toHaveLength(2)
    expect(snap.files[0]!.error?.code).toBe('SIGNATURE_EXPIRED')
  })

  it('cancels during signing: the fetch is aborted and nothing is sent', async () => {
    let signal: AbortSignal | undefined
    const server = new FakeUploadServer()
    const uploader = createUploader({
      publicKey: 'pk',
      auth: 'https://app.example/auth',
      xhr: server.xhr,
      fetch: ((_url: string, init: RequestInit) => {
        signal = init.signal ?? undefined
        return new Promise((_resolve, reject) =>
          signal?.addEventListener('abort', () => reject(signal?.reason)),
        )
      }) as unknown as typeof fetch,
    })
    const { added } = await uploader.addFiles([makeFile('a.png')])
    await waitFor(uploader, (s) => s.files[0]?.status === 'signing')
    uploader.cancel(added[0]!.id)
    expect(signal?.aborted).toBe(true)
    await new Promise((r) => setTimeout(r, 10))
    expect(uploader.getSnapshot().files[0]!.status).toBe('cancelled')
    expect(server.requests).toHaveLength(0)
  })

  it('cancels during upload: the XHR is aborted; retry() starts again with a new token', async () => {
    const { server, uploader } = setup()
    server.onRequest = () => {}
    const { added } = await uploader.addFiles([makeFile('a.png')])
    await waitFor(uploader, (s) => s.files[0]?.status === 'uploading')
    uploader.cancel(added[0]!.id)
    expect(server.requests[0]!.aborted).toBe(true)
    expect(uploader.getSnapshot().files[0]!.status).toBe('cancelled')
    server.onRequest = (xhr) => xhr.respond(200, successBody('a.png'))
    uploader.retry(added[0]!.id)
    const snap = await waitFor(uploader, (s) => s.files[0]?.status === 'success')
    expect(snap.files[0]!.attempt).toBe(1)
    expect(server.requests[1]!.field('token')).not.toBe(server.requests[0]!.field('token'))
  })

  it('aborts a stalled upload and retries it; TIMEOUT when out of attempts', async () => {
    const { server, uploader } = setup({ stallTimeoutMs: 20, retry: { limit: 1, baseDelayMs: 1 } })
    server.onRequest = () => {}
    await uploader.addFiles([makeFile('a.png')])
    const snap = await waitFor(uploader, settled)
    expect(server.requests).toHaveLength(2)
    expect(server.requests.every((r) => r.aborted)).toBe(true)
    expect(snap.files[0]!.error?.code).toBe('TIMEOUT')
  })

  it('waits while offline instead of spending attempts', async () => {
    const online = fakeOnline(false)
    const { server, uploader } = setup({ online })
    await uploader.addFiles([makeFile('a.png')])
    await new Promise((r) => setTimeout(r, 10))
    expect(server.requests).toHaveLength(0)
    expect(uploader.getSnapshot().online).toBe(false)
    online.set(true)
    const snap = await waitFor(uploader, settled)
    expect(snap.online).toBe(true)
    expect(snap.files[0]!.status).toBe('success')
  })

  it('a network error while offline waits for the network, without counting an attempt', async () => {
    const online = fakeOnline(true)
    const { server, uploader } = setup({ online, retry: { limit: 0 } })
    server.onRequest = (xhr) => {
      if (server.requests.length === 1) {
        online.set(false)
        xhr.fail()
      } else xhr.respond(200, successBody('a.png'))
    }
    await uploader.addFiles([makeFile('a.png')])
    const waiting = await waitFor(uploader, (s) => s.files[0]?.waitingForNetwork === true)
    expect(waiting.files[0]!.status).toBe('retrying')
    online.set(true)
    const snap = await waitFor(uploader, settled)
    expect(snap.files[0]!.status).toBe('success')
  })

  it('progress never runs backwards within an attempt and totals are weighted by bytes', async () => {
    const { server, uploader } = setup({ throttleMs: 0 })
    server.onRequest = () => {}
    await uploader.addFiles([makeFile('big.png', 3000), makeFile('small.png', 1000)])
    await waitFor(uploader, (s) => s.counts.uploading === 2)
    server.requests[0]!.progress(600, 1000)
    server.requests[0]!.progress(300, 1000)
    const snap = await waitFor(uploader, (s) => s.totals.bytesUploaded > 0)
    expect(snap.files[0]!.bytesUploaded).toBe(1800)
    expect(snap.totals).toMatchObject({ bytesUploaded: 1800, bytesTotal: 4000, percent: 45 })
  })

  it('remove() drops the file and stops its request', async () => {
    const { server, uploader } = setup()
    server.onRequest = () => {}
    const { added } = await uploader.addFiles([makeFile('a.png')])
    await waitFor(uploader, (s) => s.files[0]?.status === 'uploading')
    uploader.remove(added[0]!.id)
    expect(server.requests[0]!.aborted).toBe(true)
    expect(uploader.getSnapshot().files).toHaveLength(0)
  })

  it('refuses insecure endpoints at creation', () => {
    let error: unknown
    try {
      createUploader({ publicKey: 'pk', auth: 'http://app.example/auth' })
    } catch (e) {
      error = e
    }
    expect(isUploadError(error) && error.code).toBe('INSECURE_ENDPOINT')
    expect(() =>
      createUploader({ publicKey: 'pk', auth: '/auth', uploadEndpoint: 'http://10.0.0.1/up' }),
    ).toThrow(/https/)
    expect(() =>
      createUploader({
        publicKey: 'pk',
        auth: 'http://127.0.0.5:3000/a',
        uploadEndpoint: 'http://[::1]:9/u',
      }),
    ).not.toThrow()
  })

  it('emits complete once per busy period, with what succeeded and failed', async () => {
    const { server, uploader } = setup()
    server.onRequest = (xhr) =>
      xhr.field('fileName') === 'bad.png'
        ? xhr.respond(400, { message: 'no' })
        : xhr.respond(200, successBody(xhr.field('fileName')!))
    const complete = vi.fn()
    uploader.on('complete', complete)
    await uploader.addFiles([makeFile('a.png'), makeFile('bad.png')])
    await waitFor(uploader, settled)
    expect(complete).toHaveBeenCalledTimes(1)
    const { successful, failed } = complete.mock.calls[0]![0]
    expect(successful.map((f: { name: string }) => f.name)).toEqual(['a.png'])
    expect(failed.map((f: { name: string }) => f.name)).toEqual(['bad.png'])
  })

  it("emits complete after the last file's upload-success and upload-error, never before", async () => {
    const { server, uploader } = setup({ retry: false })
    server.onRequest = (xhr) =>
      xhr.field('fileName') === 'bad.png'
        ? xhr.respond(400, { message: 'no' })
        : xhr.respond(200, successBody(xhr.field('fileName')!))
    const order: string[] = []
    uploader.on('upload-success', ({ file }) => order.push(`success ${file.name}`))
    uploader.on('upload-error', ({ file }) => order.push(`error ${file.name}`))
    uploader.on('complete', () => order.push('complete'))
    await uploader.addFiles([makeFile('a.png')])
    await waitFor(uploader, settled)
    await uploader.addFiles([makeFile('bad.png')])
    await waitFor(uploader, (s) => settled(s) && s.counts.error === 1)
    await Promise.resolve()
    expect(order).toEqual(['success a.png', 'complete', 'error bad.png', 'complete'])
  })

  it('a file retried before upload() ran is uploaded once, not again by upload()', async () => {
    const { server, uploader } = setup({ autoUpload: false })
    server.onRequest = (xhr) => xhr.respond(200, successBody(xhr.field('fileName')!))
    const { added } = await uploader.addFiles([makeFile('a.png')])
    uploader.cancel(added[0]!.id)
    uploader.retry(added[0]!.id)
    await waitFor(uploader, (s) => s.counts.success === 1)
    await uploader.upload()
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(uploader.getSnapshot().files[0]).toMatchObject({ status: 'success', attempt: 1 })
    expect(server.requests).toHaveLength(1)
  })

  it('cancelAll and retryAll over 2,000 files notify once each', async () => {
    const { uploader } = setup({ autoUpload: false })
    await uploader.addFiles(Array.from({ length: 2000 }, (_, i) => makeFile(`f${i}.png`)))
    const listener = vi.fn()
    uploader.subscribe(listener)
    uploader.cancelAll()
    expect(uploader.getSnapshot().counts.cancelled).toBe(2000)
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(listener).toHaveBeenCalledTimes(1)
    uploader.destroy()
  })

  it('retryAll restarts failed and cancelled files; cancelAll stops everything', async () => {
    const { server, uploader } = setup()
    server.onRequest = () => {}
    await uploader.addFiles([makeFile('a.png'), makeFile('b.png')])
    await waitFor(uploader, (x) => x.counts.uploading === 2)
    uploader.cancelAll()
    expect(uploader.getSnapshot().counts.cancelled).toBe(2)
    expect(server.requests.every((r) => r.aborted)).toBe(true)
    server.onRequest = (xhr) => xhr.respond(200, successBody(xhr.field('fileName')!))
    uploader.retryAll()
    const snap = await waitFor(uploader, (x) => x.counts.success === 2)
    expect(snap.files.map((f) => f.attempt)).toEqual([1, 1])
  })

  it('per-file params override shared ones; the route’s params override both; false is sent', async () => {
    const server = new FakeUploadServer()
    const uploader = createUploader({
      publicKey: 'pk',
      auth: async () => ({ token: 't', expire: 4e9, signature: 's', params: { folder: '/forced' } }),
      xhr: server.xhr,
      params: { folder: '/mine', isPrivateFile: true, overwriteFile: true },
      getParams: (file) => ({ fileName: `x-${file.name}`, isPrivateFile: false, tags: 'one' }),
    })
    await uploader.addFiles([makeFile('a.png')])
    await waitFor(uploader, settled)
    const req = server.requests[0]!
    expect(req.field('fileName')).toBe('x-a.png')
    expect(req.field('isPrivateFile')).toBe('false')
    expect(req.field('overwriteFile')).toBe('true')
    expect(req.field('folder')).toBe('/forced')
    expect(req.field('tags')).toBe('one')
    expect((req.body!.get('file') as File).name).toBe('x-a.png')
  })

  it('V2 sends exactly the bound params, the token and the file', async () => {
    const server = new FakeUploadServer()
    const uploader = createUploader({
      publicKey: 'pk',
      apiVersion: 2,
      auth: async () => ({ token: 'jwt', params: { fileName: 'a.png', folder: '/b' } }),
      xhr: server.xhr,
      params: { tags: ['ignored'] },
    })
    await uploader.addFiles([makeFile('a.png')])
    await waitFor(uploader, settled)
    const req = server.requests[0]!
    expect(req.url).toBe('https://upload.imagekit.io/api/v2/files/upload')
    expect([...req.body!.keys()].sort()).toEqual(['file', 'fileName', 'folder', 'token'])
  })

  it('the retry budget starts again when an attempt got further than before', async () => {
    const { server, uploader } = setup({ retry: { limit: 1, baseDelayMs: 1 } })
    let n = 0
    server.onRequest = (xhr) => {
      n++
      if (n <= 3) {
        xhr.progress(n * 200, 1000) // each attempt gets further, then the connection drops
        xhr.fail()
      } else xhr.respond(200, successBody('a.png'))
    }
    await uploader.addFiles([makeFile('a.png')])
    const snap = await waitFor(uploader, settled)
    expect(snap.files[0]).toMatchObject({ status: 'success', attempt: 4 })
  })

  it('a network failure with no progress spends the budget', async () => {
    const { server, uploader } = setup({ retry: { limit: 2, baseDelayMs: 1 } })
    server.onRequest = (xhr) => xhr.fail()
    await uploader.addFiles([makeFile('a.png')])
    const snap = await waitFor(uploader, settled)
    expect(snap.files[0]!.error).toMatchObject({ code: 'NETWORK_ERROR', retryable: true })
    expect(server.requests).toHaveLength(3)
  })

  it('destroy() stops uploads and notifies nobody afterwards', async () => {
    const { server, uploader } = setup()
    server.onRequest = () => {}
    const listener = vi.fn()
    uploader.subscribe(listener)
    await uploader.addFiles([makeFile('a.png')])
    await waitFor(uploader, (x) => x.counts.uploading === 1)
    listener.mockClear()
    uploader.destroy()
    expect(server.requests[0]!.aborted).toBe(true)
    expect(listener).not.toHaveBeenCalled()
    expect((await uploader.addFiles([makeFile('b.png')])).added).toEqual([])
  })
})
