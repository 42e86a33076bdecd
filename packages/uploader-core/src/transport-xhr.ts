import type { TransportOutcome } from './error-mapping.js'
import type { Timers, XhrFactory } from './types.js'

export interface XhrSendOptions {
  createXhr: XhrFactory
  url: string
  body: FormData
  signal: AbortSignal
  timers: Timers
  /** No upload (or download) progress for this long aborts the request. 0 turns it off. */
  stallTimeoutMs: number
  /** `loaded` is in request-body bytes (multipart included); `total` is the body size. */
  onProgress: (loaded: number, total: number) => void
}

/**
 * One multipart POST. Never rejects: every ending (answer, network failure, stall, abort) is a
 * {@link TransportOutcome}, and the XHR is aborted on stall or cancel so nothing keeps sending.
 */
export function sendXhr(options: XhrSendOptions): Promise<TransportOutcome> {
  const { signal, timers, stallTimeoutMs } = options
  return new Promise((resolve) => {
    if (signal.aborted) return resolve({ kind: 'aborted' })
    const xhr = options.createXhr()
    let stallTimer: unknown
    let settled = false
    const finish = (outcome: TransportOutcome, abort = false) => {
      if (settled) return
      settled = true
      timers.clearTimeout(stallTimer)
      signal.removeEventListener('abort', onAbort)
      if (abort) xhr.abort()
      resolve(outcome)
    }
    const armStall = () => {
      if (stallTimeoutMs <= 0) return
      timers.clearTimeout(stallTimer)
      stallTimer = timers.setTimeout(() => finish({ kind: 'timeout' }, true), stallTimeoutMs)
    }
    const onAbort = () => finish({ kind: 'aborted' }, true)
    signal.addEventListener('abort', onAbort, { once: true })
    xhr.open('POST', options.url, true)
    xhr.upload.onprogress = (event) => {
      armStall()
      if (event.lengthComputable) options.onProgress(event.loaded, event.total)
    }
    xhr.onprogress = armStall
    xhr.onload = () =>
      finish({
        kind: 'response',
        status: xhr.status,
        text: xhr.responseText,
        header: headerReader(xhr),
      })
    xhr.onerror = () => finish({ kind: 'network' })
    xhr.onabort = () => finish({ kind: 'aborted' })
    armStall()
    xhr.send(options.body)
  })
}

/**
 * The answer's headers, read once through `getAllResponseHeaders()`: it lists only what CORS exposes,
 * while `getResponseHeader()` on a header ImageKit does not expose (its request id, for one) makes
 * Chromium log "Refused to get unsafe header" every time, at a cost of about 0.3 ms each (measured).
 */
function headerReader(xhr: XMLHttpRequest): (name: string) => string | null {
  let headers: Map<string, string> | undefined
  return (name) => {
    headers ??= parseHeaders(xhr.getAllResponseHeaders())
    return headers.get(name.toLowerCase()) ?? null
  }
}

function parseHeaders(raw: string): Map<string, string> {
  const headers = new Map<string, string>()
  for (const line of raw.split('\r\n')) {
    const at = line.indexOf(':')
    if (at <= 0) continue
    const name = line.slice(0, at).trim().toLowerCase()
    const value = line.slice(at + 1).trim()
    headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value)
  }
  return headers
}
