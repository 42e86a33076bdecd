import { afterEach, describe, expect, it, vi } from 'vitest'
import { setupUploader as setup } from './helpers/fake-uploader.js'
import { makeFile, successBody } from './helpers/fake-xhr.js'

describe('with fake timers', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('429 waits exactly the announced X-RateLimit-Reset before the next attempt', async () => {
    vi.useFakeTimers()
    const { server, uploader } = setup({ retry: { baseDelayMs: 10 } })
    server.onRequest = (xhr) => {
      if (server.requests.length === 1)
        xhr.respond(429, { message: 'slow down' }, { 'X-RateLimit-Reset': '5000' })
      else xhr.respond(200, successBody('a.png'))
    }
    await uploader.addFiles([makeFile('a.png')])
    await vi.advanceTimersByTimeAsync(10)
    expect(server.requests).toHaveLength(1)
    const file = uploader.getSnapshot().files[0]!
    expect(file.status).toBe('retrying')
    expect(file.error?.code).toBe('RATE_LIMITED')
    expect(file.nextRetryAt).toBe(Date.now() + 4990)
    expect(file.retryReason).toBe('server-busy')
    await vi.advanceTimersByTimeAsync(4980)
    expect(server.requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(20)
    expect(server.requests).toHaveLength(2)
    expect(uploader.getSnapshot().files[0]!.status).toBe('success')
  })

  it('a retrying file says why, counts none of its bytes as sent, and drops the reason when it moves on', async () => {
    vi.useFakeTimers()
    const { server, uploader } = setup({ retry: { baseDelayMs: 1000, maxDelayMs: 1000, jitter: false } })
    server.onRequest = (xhr) => {
      if (server.requests.length === 1) {
        xhr.progress(3, 3) // the whole body went out, then the server answered 503
        xhr.respond(503, { message: 'busy' })
      } else xhr.respond(200, successBody('a.png'))
    }
    await uploader.addFiles([makeFile('a.png')])
    await vi.advanceTimersByTimeAsync(10)
    const retrying = uploader.getSnapshot()
    expect(retrying.files[0]).toMatchObject({
      status: 'retrying',
      retryReason: 'server-busy',
      bytesUploaded: 0,
    })
    expect(retrying.files[0]).not.toHaveProperty('progressAt')
    expect(retrying.totals).toMatchObject({ bytesUploaded: 0, percent: 0 })
    await vi.advanceTimersByTimeAsync(1000)
    expect(uploader.getSnapshot().files[0]!.status).toBe('success')
    expect(uploader.getSnapshot().files[0]).not.toHaveProperty('retryReason')
  })

  it('backs off exponentially (capped) and gives up after the limit', async () => {
    vi.useFakeTimers()
    const { server, uploader } = setup({
      retry: { limit: 3, baseDelayMs: 1000, maxDelayMs: 2000, jitter: false },
    })
    server.onRequest = (xhr) => xhr.respond(503, { message: 'busy' })
    const delays: number[] = []
    uploader.on('retry-scheduled', ({ delayMs }) => delays.push(delayMs))
    await uploader.addFiles([makeFile('a.png')])
    await vi.advanceTimersByTimeAsync(10_000)
    expect(delays).toEqual([1000, 2000, 2000])
    expect(server.requests).toHaveLength(4)
    expect(uploader.getSnapshot().files[0]!.error?.code).toBe('SERVER_ERROR')
  })

  it('batches notifications: progress and status changes reach listeners at most once per throttleMs', async () => {
    vi.useFakeTimers()
    const { server, uploader } = setup({ throttleMs: 100 })
    server.onRequest = () => {}
    await uploader.addFiles([makeFile('a.png', 1000)])
    await vi.advanceTimersByTimeAsync(0)
    const listener = vi.fn()
    uploader.subscribe(listener)
    for (let i = 1; i <= 50; i++) server.requests[0]!.progress(i * 10, 1000)
    await Promise.resolve()
    expect(listener).toHaveBeenCalledTimes(0)
    await vi.advanceTimersByTimeAsync(100)
    expect(listener).toHaveBeenCalledTimes(1)
    expect(uploader.getSnapshot().files[0]!.bytesUploaded).toBe(500)
    server.requests[0]!.respond(200, successBody('a.png'))
    await vi.advanceTimersByTimeAsync(0)
    expect(uploader.getSnapshot().files[0]!.status).toBe('success') // the snapshot is current at once
    expect(listener).toHaveBeenCalledTimes(1) // listeners hear of it in the next window
    await vi.advanceTimersByTimeAsync(100)
    expect(listener).toHaveBeenCalledTimes(2)
  })

  it('tells the first change after a quiet spell in a microtask, not a window later', async () => {
    vi.useFakeTimers()
    const { uploader } = setup({ throttleMs: 100, autoUpload: false })
    await uploader.addFiles([makeFile('a.png')])
    await vi.advanceTimersByTimeAsync(500)
    const listener = vi.fn()
    uploader.subscribe(listener)
    uploader.cancelAll()
    expect(listener).not.toHaveBeenCalled()
    await Promise.resolve()
    expect(listener).toHaveBeenCalledTimes(1)
  })
})
