import { describe, expect, it } from 'vitest'
import type { TransportOutcome } from '../src/error-mapping.js'
import { sendXhr } from '../src/transport-xhr.js'

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
      stallTimeoutMs: 0,
      onProgress: () => {},
    })) as Extract<TransportOutcome, { kind: 'response' }>
    expect(outcome.header('x-ik-requestid')).toBe('abc-123')
    expect(outcome.header('X-RateLimit-Reset')).toBe('2000')
    expect(outcome.header('x-request-id')).toBeNull() // not exposed: absent, and nothing refused
    expect(asked).toEqual([])
  })
})
