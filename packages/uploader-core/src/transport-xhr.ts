import type { TransportOutcome } from './error-mapping.js'
import type { OnlineSource, Timers, XhrFactory } from './types.js'

export interface XhrSendOptions {
  createXhr: XhrFactory
  url: string
  body: FormData
  signal: AbortSignal
  timers: Timers
  now: () => number
  /** Going offline ends the request as a network failure: Chromium would keep it hanging until the stall timeout. */
  online: OnlineSource
  /** No upload (or download) progress for this long aborts the request. 0 turns it off. */
  stallTimeoutMs: number
  /** `loaded` is in request-body bytes (multipart included); `total` is the body size. */
  onProgress: (loaded: number, total: number) => void
}

/**
 * One multipart POST. Never rejects: every ending (answer, network failure or offline, stall, abort)
 * is a {@link TransportOutcome}, and the XHR is aborted on stall, offline or cancel so nothing keeps sending.
 */
export function sendXhr(options: XhrSendOptions): Promise<TransportOutcome> {
  const { signal, online } = options
  return new Promise((resolve) => {
    if (signal.aborted) return resolve({ kind: 'aborted' })
    const xhr = options.createXhr()
    const finish = (outcome: TransportOutcome, abort = false) => {
      if (!stall.stop()) return
      signal.removeEventListener('abort', onAbort)
      stopOnline()
      if (abort) xhr.abort()
      resolve(outcome)
    }
    const stall = watchStall(options, () => finish({ kind: 'timeout' }, true))
    const onAbort = () => finish({ kind: 'aborted' }, true)
    signal.addEventListener('abort', onAbort, { once: true })
    const stopOnline = online.subscribe(() => {
      if (!online.isOnline()) finish({ kind: 'network' }, true)
    })
    xhr.open('POST', options.url, true)
    xhr.upload.onprogress = (event) => {
      stall.heard()
      if (event.lengthComputable) options.onProgress(event.loaded, event.total)
    }
    xhr.onprogress = stall.heard
    xhr.onload = () =>
      finish({
        kind: 'response',
        status: xhr.status,
        text: xhr.responseText,
        header: headerReader(xhr),
      })
    xhr.onerror = () => finish({ kind: 'network' })
    xhr.onabort = () => finish({ kind: 'aborted' })
    xhr.send(options.body)
  })
}

/**
 * The stall deadline without a timer per progress event (small files send a few, large ones
 * hundreds): one timer, and when it fires after progress was heard, one more for the time left.
 * `stop()` is true the first time only.
 */
function watchStall(
  { timers, now, stallTimeoutMs }: Pick<XhrSendOptions, 'timers' | 'now' | 'stallTimeoutMs'>,
  onStall: () => void,
) {
  let timer: unknown
  let heard = false
  let lastHeardAt = 0
  let stopped = false
  const check = () => {
    if (!heard) return onStall()
    heard = false
    // a clock that stands still (or goes back) still times out one full window after the last progress
    const quiet = Math.min(Math.max(0, now() - lastHeardAt), stallTimeoutMs - 1)
    timer = timers.setTimeout(check, stallTimeoutMs - quiet)
  }
  if (stallTimeoutMs > 0) timer = timers.setTimeout(check, stallTimeoutMs)
  return {
    heard: () => {
      heard = true
      lastHeardAt = now()
    },
    stop: () => {
      if (stopped) return false
      stopped = true
      timers.clearTimeout(timer)
      return true
    },
  }
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
