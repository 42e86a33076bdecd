import { resetEmulator, type Servers, startHangingServer, startServers } from '@upkit/test-support'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { UploaderOptions } from '../src/index.js'
import { fakeOnline, makeFile, waitFor } from './helpers/fake-xhr.js'
import { expectDistinctTokens, idle, makeEngine } from './helpers/real-engine.js'

let s: Servers

beforeAll(async () => {
  s = await startServers()
})
afterAll(() => s.stop(), 10_000)
afterEach(() => resetEmulator(s.emulator))

const make = (overrides: Partial<UploaderOptions> = {}) => makeEngine(s, overrides)

describe('against the emulator and the signing route', () => {
  it('uploads one file', async () => {
    const { uploader } = make({ params: { folder: '/docs', tags: ['a', 'b'] } })
    await uploader.addFiles([makeFile('one.png', 2048)])
    const snap = await waitFor(uploader, idle)
    const file = snap.files[0]!
    expect(file).toMatchObject({ status: 'success', percent: 100, bytesUploaded: 2048, attempt: 1 })
    expect(file.result?.url).toContain('/docs/')
    const stored = await s.emulator.files()
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ size: 2048, tags: ['a', 'b'] })
    expect(expectDistinctTokens(s)).toHaveLength(1)
  })

  it('uploads 200 files with concurrency respected and a distinct token on every attempt', async () => {
    const { uploader, counter } = make({ concurrency: 4 })
    await uploader.addFiles(
      Array.from({ length: 200 }, (_, i) => makeFile(`f${i}.txt`, 100 + i, 'text/plain')),
    )
    const snap = await waitFor(uploader, (x) => x.counts.success === 200)
    expect(snap.totals.percent).toBe(100)
    expect(counter.maxInFlight).toBeLessThanOrEqual(4)
    expect(counter.maxInFlight).toBeGreaterThan(1)
    expect(await s.emulator.files()).toHaveLength(200)
    expect(expectDistinctTokens(s)).toHaveLength(200)
  }, 60_000)

  it('retries injected 500/502/503/504, a cut connection and a stall, each with a new token', async () => {
    const names = ['s500.png', 's502.png', 's503.png', 's504.png', 'cut.png', 'stall.png']
    for (const [i, status] of [500, 502, 503, 504].entries()) {
      s.emulator.faults.add({ match: { fileName: names[i]! }, times: 1, action: { type: 'status', status } })
    }
    s.emulator.faults.add({
      match: { fileName: 'cut.png' },
      times: 1,
      action: { type: 'cut', afterBytes: 500 },
    })
    // held until the connection closes (jsdom's abort() leaves it open): a timed stall would later
    // store the abandoned first attempt too
    s.emulator.faults.add({ match: { fileName: 'stall.png' }, times: 1, action: { type: 'stall' } })
    const { uploader } = make({ stallTimeoutMs: 1000 })
    const retries: string[] = []
    uploader.on('retry-scheduled', ({ file, error }) => retries.push(`${file.name}:${error.code}`))
    // 256 KB: the cut happens mid-body (a body that arrived whole before the cut would be stored)
    await uploader.addFiles(names.map((n) => makeFile(n, 256 * 1024)))
    const snap = await waitFor(uploader, (x) => x.counts.success === 6)
    expect(snap.files.every((f) => f.attempt === 2)).toBe(true)
    expect(retries.sort()).toEqual(
      [
        'cut.png:NETWORK_ERROR',
        's500.png:SERVER_ERROR',
        's502.png:SERVER_ERROR',
        's503.png:SERVER_ERROR',
        's504.png:SERVER_ERROR',
        'stall.png:TIMEOUT',
      ].sort(),
    )
    expect(await s.emulator.files()).toHaveLength(6)
    expectDistinctTokens(s)
  })

  it('waits the reset announced by a 429 before retrying', async () => {
    s.emulator.faults.add({
      match: { fileName: 'busy.png' },
      times: 1,
      action: { type: 'rate-limit', resetMs: 250 },
    })
    const { uploader } = make()
    const delays: number[] = []
    uploader.on('retry-scheduled', ({ delayMs, error }) => {
      delays.push(delayMs)
      expect(error.code).toBe('RATE_LIMITED')
    })
    await uploader.addFiles([makeFile('busy.png')])
    const snap = await waitFor(uploader, idle)
    expect(snap.files[0]!.status).toBe('success')
    expect(delays).toEqual([250])
  })

  it.each([400, 401, 403])('does not retry a %i', async (status) => {
    s.emulator.faults.add({
      match: { fileName: 'no.png' },
      action: { type: 'status', status, message: 'Nope.' },
    })
    const { uploader, counter } = make()
    await uploader.addFiles([makeFile('no.png')])
    const snap = await waitFor(uploader, idle)
    expect(snap.files[0]!.error).toMatchObject({ status, retryable: false, serverMessage: 'Nope.' })
    expect(counter.opened).toBe(1)
    expect(await s.emulator.files()).toHaveLength(0)
  })

  it('maps the storage-limit 403 to STORAGE_LIMIT_EXCEEDED with a message and request id; nothing stored', async () => {
    s.emulator.faults.add({ match: { fileName: 'full.png' }, action: { type: 'storage-full' } })
    const { uploader, counter } = make()
    const errors: string[] = []
    uploader.on('upload-error', ({ error }) => errors.push(error.code))
    await uploader.addFiles([makeFile('full.png')])
    const snap = await waitFor(uploader, idle)
    const error = snap.files[0]!.error!
    expect(error.code).toBe('STORAGE_LIMIT_EXCEEDED')
    expect(error.status).toBe(403)
    expect(error.requestId).toBeTruthy()
    expect(error.message).toContain('storage or upload limit')
    expect(error.message).toContain(`Request ID: ${error.requestId}`)
    expect(errors).toEqual(['STORAGE_LIMIT_EXCEEDED'])
    expect(counter.opened).toBe(1)
    expect(await s.emulator.files()).toHaveLength(0)
  })

  it('maps a real storage quota answer too', async () => {
    s.emulator.setStorageQuota(10)
    const { uploader } = make()
    await uploader.addFiles([makeFile('quota.png', 100)])
    const snap = await waitFor(uploader, idle)
    expect(snap.files[0]!.error?.code).toBe('STORAGE_LIMIT_EXCEEDED')
    expect(await s.emulator.files()).toHaveLength(0)
  })
})

describe('offline, cancel and remove', () => {
  it('pauses while offline and resumes when back online', async () => {
    const online = fakeOnline(false)
    const { uploader, counter } = make({ online })
    await uploader.addFiles([makeFile('a.png'), makeFile('b.png')])
    await new Promise((r) => setTimeout(r, 50))
    expect(counter.opened).toBe(0)
    expect(uploader.getSnapshot()).toMatchObject({ online: false, isUploading: true })
    online.set(true)
    const snap = await waitFor(uploader, (x) => x.counts.success === 2)
    expect(snap.online).toBe(true)
    expect(await s.emulator.files()).toHaveLength(2)
  })

  it('cancel during signing aborts the route request; nothing is sent or stored', async () => {
    const hanging = await startHangingServer()
    try {
      const { uploader, counter } = make({ auth: `${hanging.url}/auth` })
      const { added } = await uploader.addFiles([makeFile('a.png')])
      await waitFor(uploader, (x) => x.files[0]?.status === 'signing')
      await new Promise((r) => setTimeout(r, 30))
      uploader.cancel(added[0]!.id)
      expect(uploader.getSnapshot().files[0]!.status).toBe('cancelled')
      await new Promise((r) => setTimeout(r, 50))
      expect(counter.opened).toBe(0)
      expect(s.emulator.stats().requests).toBe(0)
      expect(await s.emulator.files()).toHaveLength(0)
    } finally {
      await hanging.stop()
    }
  })

  it('cancel during upload aborts it; nothing stored and no request after the cancel', async () => {
    // held until the connection closes: jsdom's abort() leaves the socket open, so a timed stall
    // would let the emulator read the rest of the body and store the file after the test looked
    s.emulator.faults.add({ match: { fileName: 'slow.png' }, action: { type: 'stall' } })
    const { uploader, counter } = make()
    const { added } = await uploader.addFiles([makeFile('slow.png', 64 * 1024)])
    await waitFor(uploader, (x) => x.files[0]?.status === 'uploading')
    await new Promise((r) => setTimeout(r, 50))
    const before = s.emulator.stats().requests
    uploader.cancel(added[0]!.id)
    await new Promise((r) => setTimeout(r, 100))
    expect(uploader.getSnapshot().files[0]!.status).toBe('cancelled')
    await new Promise((r) => setTimeout(r, 150))
    expect(counter.opened).toBe(1)
    expect(s.emulator.stats().requests).toBe(before)
    expect(await s.emulator.files()).toHaveLength(0)
  })

  it('remove during upload drops the file and stores nothing', async () => {
    // held until the connection closes: jsdom's abort() leaves the socket open, so a timed stall
    // would let the emulator read the rest of the body and store the file after the test looked
    s.emulator.faults.add({ match: { fileName: 'gone.png' }, action: { type: 'stall' } })
    const { uploader, counter } = make()
    const { added } = await uploader.addFiles([makeFile('gone.png', 64 * 1024)])
    await waitFor(uploader, (x) => x.files[0]?.status === 'uploading')
    uploader.remove(added[0]!.id)
    expect(uploader.getSnapshot().files).toHaveLength(0)
    await new Promise((r) => setTimeout(r, 150))
    expect(counter.opened).toBe(1)
    expect(await s.emulator.files()).toHaveLength(0)
  })
})
