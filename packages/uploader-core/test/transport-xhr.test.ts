import { describe, expect, it, vi } from 'vitest'
import type { TransportOutcome } from '../src/error-mapping.js'
import { browserOnline } from '../src/platform.js'
import { sendXhr } from '../src/transport-xhr.js'
import type { OnlineSource } from '../src/types.js'

/** An XHR that answers at once, and refuses `getResponseHeader` the way Chromium logs a refusal. */
function answeringXhr(raw: string) {
  const asked: string[] = []
  const xhr = {
    upload: {},
    status: 200,
    responseText: '{}',
    open() {},
    abort() {},
    getAllResponseHeaders: () => raw,
    getResponseHeader(name: string) {
      asked.push(name) // Chromium: "Refused to get unsafe header" for any header CORS does not expose
      return null
    },
    send() {
      ;(xhr as unknown as { onload(): void }).onload()
    },
  }
  return { xhr: xhr as unknown as XMLHttpRequest, asked }
}

const timers = { setTimeout: () => 0, clearTimeout: () => {} } as never

describe('sendXhr: the answer’s headers', () => {
  it('reads them from getAllResponseHeaders (what CORS exposes), never asking header by header', async () => {
    const { xhr, asked } = answeringXhr(
      'Content-Type: application/json\r\nX-IK-RequestId: abc-123\r\nx-ratelimit-reset: 2000\r\n',
    )
    const outcome = (await sendXhr({
      createXhr: () => xhr,
      url: 'https://upload.test/api/v1/files/upload',
      body: new FormData(),
      signal: new AbortController().signal,
      timers,
      now: () => 0,
      online: { isOnline: () => true, subscribe: () => () => {} },
      stallTimeoutMs: 0,
      onProgress: () => {},
    })) as Extract<TransportOutcome, { kind: 'response' }>
    expect(outcome.header('x-ik-requestid')).toBe('abc-123')
    expect(outcome.header('X-RateLimit-Reset')).toBe('2000')
    expect(outcome.header('x-request-id')).toBeNull() // not exposed: absent, and nothing refused
    expect(asked).toEqual([])
  })
})

/** An XHR that stays open until the test ends it: upload progress, an answer, or nothing at all. */
function heldXhr() {
  const xhr = {
    upload: {} as { onprogress?: (event: ProgressEvent) => void },
    status: 0,
    responseText: '',
    aborted: false,
    open() {},
    abort() {
      xhr.aborted = true
    },
    getAllResponseHeaders: () => '',
    send() {},
    progress(loaded: number) {
      xhr.upload.onprogress?.({ lengthComputable: true, loaded, total: 100 } as ProgressEvent)
    },
  }
  return xhr
}

/** Fake timers on a fake clock: what the engine gets injected in its own tests. */
function fakeClock() {
  let now = 0
  let next = 1
  const due = new Map<number, { at: number; run: () => void }>()
  const clock = {
    created: 0,
    now: () => now,
    timers: {
      setTimeout(run: () => void, ms: number) {
        clock.created++
        due.set(next, { at: now + ms, run })
        return next++
      },
      clearTimeout: (handle: unknown) => void due.delete(handle as number),
    },
    advance(ms: number) {
      const end = now + ms
      for (;;) {
        const [handle, timer] = [...due].sort((a, b) => a[1].at - b[1].at)[0] ?? []
        if (handle === undefined || !timer || timer.at > end) break
        due.delete(handle)
        now = timer.at
        timer.run()
      }
      now = end
    },
  }
  return clock
}

function sendHeld(overrides: { stallTimeoutMs?: number; online?: OnlineSource } = {}) {
  const xhr = heldXhr()
  const clock = fakeClock()
  let ended: TransportOutcome | undefined
  void sendXhr({
    createXhr: () => xhr as unknown as XMLHttpRequest,
    url: 'https://upload.test/api/v1/files/upload',
    body: new FormData(),
    signal: new AbortController().signal,
    timers: clock.timers as never,
    now: clock.now,
    online: overrides.online ?? { isOnline: () => true, subscribe: () => () => {} },
    stallTimeoutMs: overrides.stallTimeoutMs ?? 20,
    onProgress: () => {},
  }).then((outcome) => {
    ended = outcome
  })
  return { xhr, clock, ended: () => ended }
}

describe('sendXhr: the stall timeout', () => {
  it('ends a request that sends nothing for stallTimeoutMs, and aborts it', async () => {
    const { xhr, clock, ended } = sendHeld()
    clock.advance(19)
    await Promise.resolve()
    expect(ended()).toBeUndefined()
    clock.advance(1)
    await Promise.resolve()
    expect(ended()).toEqual({ kind: 'timeout' })
    expect(xhr.aborted).toBe(true)
  })

  it('counts from the last progress event, not from the start', async () => {
    const { xhr, clock, ended } = sendHeld()
    clock.advance(15)
    xhr.progress(10)
    clock.advance(19) // 34 ms in, 19 ms after the progress
    await Promise.resolve()
    expect(ended()).toBeUndefined()
    clock.advance(1)
    await Promise.resolve()
    expect(ended()).toEqual({ kind: 'timeout' })
  })

  it('does not start a timer per progress event (hundreds for a large file)', async () => {
    const { xhr, clock, ended } = sendHeld()
    for (let i = 1; i <= 200; i++) {
      clock.advance(1)
      xhr.progress(i / 2)
    }
    expect(clock.created).toBeLessThanOrEqual(12) // one per 20 ms window at most
    clock.advance(20)
    await Promise.resolve()
    expect(ended()).toEqual({ kind: 'timeout' })
  })
})

describe('sendXhr: going offline', () => {
  it('ends the request as a network failure at once, aborts it and stops listening', async () => {
    let online = true
    const listeners = new Set<() => void>()
    const source: OnlineSource = {
      isOnline: () => online,
      subscribe(callback) {
        listeners.add(callback)
        return () => void listeners.delete(callback)
      },
    }
    const { xhr, ended } = sendHeld({ online: source })
    expect(listeners.size).toBe(1)
    online = false
    for (const listener of [...listeners]) listener()
    await Promise.resolve()
    expect(ended()).toEqual({ kind: 'network' })
    expect(xhr.aborted).toBe(true)
    expect(listeners.size).toBe(0)
  })
})

describe('browserOnline', () => {
  it('listens to the window with one pair of listeners however many requests subscribe', () => {
    const added = vi.spyOn(window, 'addEventListener')
    const removed = vi.spyOn(window, 'removeEventListener')
    try {
      const heard: number[] = []
      const stops = Array.from({ length: 50 }, (_, i) => browserOnline.subscribe(() => heard.push(i)))
      const onlineEvents = (spy: typeof added) =>
        spy.mock.calls.filter(([type]) => type === 'online' || type === 'offline').length
      expect(onlineEvents(added)).toBe(2)
      window.dispatchEvent(new Event('offline'))
      expect(heard).toHaveLength(50)
      for (const stop of stops.slice(1)) stop()
      expect(onlineEvents(removed)).toBe(0)
      stops[0]?.()
      stops[0]?.() // twice: harmless
      expect(onlineEvents(removed)).toBe(2)
      window.dispatchEvent(new Event('online'))
      expect(heard).toHaveLength(50)
    } finally {
      added.mockRestore()
      removed.mockRestore()
    }
  })
})
