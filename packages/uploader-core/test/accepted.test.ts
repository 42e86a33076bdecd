import { acceptedFault, updateThrottledFault } from '@upkit/imagekit-emulator'
import { resetEmulator, type Servers, startServers } from '@upkit/test-support'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { UploaderEvents } from '../src/index.js'
import { makeFile, waitFor } from './helpers/fake-xhr.js'
import { idle, makeEngine } from './helpers/real-engine.js'

const QUEUED = 'The pre-transformation has been queued successfully.'
const THROTTLED = 'You have sent too many requests to update the file recently. Please try again later.'

let s: Servers

beforeAll(async () => {
  s = await startServers()
})
afterAll(() => s.stop(), 10_000)
afterEach(() => resetEmulator(s.emulator))

/** The emulator sees a video by its type here (these bytes are no real MP4, and need not be). */
const video = (name = 'clip.mp4') => makeFile(name, 4000, 'video/mp4')

/** The engine with its events of one kind collected. */
function engineWith<K extends keyof UploaderEvents>(event: K, overrides = {}) {
  const made = makeEngine(s, overrides)
  const seen: UploaderEvents[K][] = []
  made.uploader.on(event, (payload) => seen.push(payload))
  return { ...made, seen }
}

describe('202 from the real emulator: accepted, processed later', () => {
  it('a video with a pre-transformation ends `processing` with upload-accepted carrying the message', async () => {
    const { uploader, counter, seen } = engineWith('upload-accepted', {
      params: { transformation: { pre: 'w-200' } },
    })
    const successes: unknown[] = []
    uploader.on('upload-success', (payload) => successes.push(payload))
    await uploader.addFiles([video()])
    const snap = await waitFor(uploader, idle)
    const [file] = snap.files
    expect(file).toMatchObject({ status: 'processing', notice: QUEUED, percent: 100 })
    expect(file?.result).toBeUndefined()
    expect(file?.error).toBeUndefined()
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({ message: QUEUED, file: { id: file?.id, status: 'processing' } })
    expect(successes).toEqual([])
    expect(counter.opened).toBe(1) // accepted is final: no retry
    expect(s.emulator.stats().uploads).toBe(1) // ImageKit keeps the upload; its record comes by webhook
  })

  it('the accepted preset answers 202 for an image too, with the same outcome', async () => {
    s.emulator.faults.add({ times: 1, action: acceptedFault() })
    const { uploader, seen } = engineWith('complete')
    await uploader.addFiles([makeFile('photo.png')])
    const snap = await waitFor(uploader, idle)
    expect(snap.files[0]).toMatchObject({ status: 'processing', notice: QUEUED })
    expect(seen.at(-1)).toMatchObject({ successful: [], failed: [], accepted: [{ status: 'processing' }] })
  })
})

describe("the spec's transient 400: too many requests to update the file", () => {
  it('is retried after a delay and then succeeds', async () => {
    s.emulator.faults.add({ times: 1, action: updateThrottledFault() })
    // no jitter: the delay is the backoff ceiling, so it is known to be above 0
    const { uploader, counter, seen } = engineWith('retry-scheduled', {
      retry: { baseDelayMs: 5, maxDelayMs: 20, jitter: false },
    })
    await uploader.addFiles([makeFile('again.png')])
    const snap = await waitFor(uploader, idle)
    expect(snap.files[0]).toMatchObject({ status: 'success', attempt: 2 })
    expect(snap.files[0]?.result?.url).toMatch(/^http/)
    expect(seen).toHaveLength(1)
    expect(seen[0]?.error).toMatchObject({ code: 'RATE_LIMITED', status: 400, serverMessage: THROTTLED })
    expect(seen[0]?.delayMs).toBe(5)
    expect(counter.opened).toBe(2)
  })
})
