import { createWriteStream } from 'node:fs'
import { type ClientRequest, request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { pipeline } from 'node:stream/promises'
import { ApiError, badRequest } from './api-error.js'
import { messages } from './messages.js'
import type { ReceivedFile } from './multipart.js'
import { UploadGuard } from './upload-guard.js'
import type { UploadSession } from './upload-session.js'

/**
 * ImageKit's upload API takes `file` as "a publicly reachable URL that ImageKit's servers can
 * fetch"; it answers 400 when it cannot download it, or when the response headers do not arrive
 * within 8 seconds (OAS v1.0.0.yaml `FileUploadV1.file`; `@imagekit/nodejs` 7.11.0
 * `FileUploadParams.file`). Anything that looks like `scheme://` is taken for a URL.
 */
export function isRemoteUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim())
}

/** Why a download ended without a file (each maps to one 400 in `messages`). */
type Failure = 'unreachable' | 'timeout'

class RemoteFailure extends Error {
  readonly failure: Failure
  constructor(failure: Failure) {
    super(failure)
    this.failure = failure
  }
}

const failureError = (failure: Failure): ApiError =>
  badRequest(failure === 'timeout' ? messages.remoteTimeout : messages.remoteUnreachable)

/** `raw` (relative to `base`) as an http: or https: URL, else undefined. */
export function toHttpUrl(raw: string, base?: URL): URL | undefined {
  try {
    const url = new URL(raw, base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined
  } catch {
    return undefined
  }
}

/** A timer that fires `onIdle` after `ms` without a reset(). */
function idleTimer(ms: number, onIdle: () => void) {
  let timer = setTimeout(onIdle, ms)
  return {
    reset: () => {
      clearTimeout(timer)
      timer = setTimeout(onIdle, ms)
    },
    clear: () => clearTimeout(timer),
  }
}

/** GET `url` and resolve with its response once the headers are in (or reject, destroying it). */
function getHeaders(url: URL, timeoutMs: number, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    // No shared agent: nothing of a download outlives its request.
    const req: ClientRequest = send(url, {
      agent: false,
      headers: { 'User-Agent': 'upkit-imagekit-emulator' },
    })
    const timer = setTimeout(() => req.destroy(new RemoteFailure('timeout')), timeoutMs)
    const onAbort = () => req.destroy(new ApiError(499, 'Client closed request'))
    signal.addEventListener('abort', onAbort, { once: true })
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', onAbort)
    }
    req.once('response', (res) => {
      done()
      resolve(res)
    })
    // `on`, not `once`: the socket may fail again after the response (the body pipeline reports that).
    req.on('error', (error) => {
      done()
      reject(
        error instanceof ApiError || error instanceof RemoteFailure
          ? error
          : new RemoteFailure('unreachable'),
      )
    })
    req.end()
  })
}

/** Follow redirects (at most `maxRedirects`) to a 2xx response. */
async function finalResponse(start: URL, session: UploadSession, signal: AbortSignal) {
  const { headersTimeoutMs, maxRedirects } = session.state.remoteFile
  let url = start
  for (let hop = 0; ; hop++) {
    const res = await getHeaders(url, headersTimeoutMs, signal)
    const status = res.statusCode ?? 0
    if (status >= 200 && status < 300) return res
    res.destroy()
    const location = res.headers.location
    if (status < 300 || status >= 400 || !location || hop >= maxRedirects)
      throw new RemoteFailure('unreachable')
    const next = toHttpUrl(location, url)
    if (!next) throw new RemoteFailure('unreachable')
    url = next
  }
}

/** Stream the body into a temp file through the size and quota guard; a stalled body is dropped. */
async function saveBody(res: IncomingMessage, session: UploadSession, fileName: string) {
  const tempPath = session.state.files.tempPath()
  session.trackTemp(tempPath)
  const mime = (res.headers['content-type'] ?? '').split(';')[0]?.trim() || 'application/octet-stream'
  const guard = new UploadGuard(session, { mime, fileName }, () => res.destroy())
  const idle = idleTimer(session.state.remoteFile.idleTimeoutMs, () =>
    res.destroy(new RemoteFailure('timeout')),
  )
  try {
    const piped = pipeline(res, guard, createWriteStream(tempPath, { flags: 'wx' }))
    res.on('data', () => idle.reset())
    await piped
  } catch (error) {
    if (session.failure) throw session.failure
    throw error instanceof RemoteFailure ? error : new RemoteFailure('unreachable')
  } finally {
    idle.clear()
  }
  if (session.failure) throw session.failure
  return { tempPath, size: guard.size, partFileName: '', mime }
}

/**
 * Download `file` given as a URL into dataDir/tmp, like a multipart file part: same temp files
 * (deleted by the session's cleanup), same size limits and quota while streaming. `signal` aborts
 * the download when the client goes away (or the emulator stops).
 */
export async function downloadFile(
  raw: string,
  session: UploadSession,
  fileName: string,
  signal: AbortSignal,
): Promise<ReceivedFile> {
  const start = toHttpUrl(raw.trim())
  if (!start) throw badRequest(messages.remoteScheme)
  if (signal.aborted) throw new ApiError(499, 'Client closed request')
  try {
    const res = await finalResponse(start, session, signal)
    const onAbort = () => res.destroy(new ApiError(499, 'Client closed request'))
    signal.addEventListener('abort', onAbort, { once: true })
    try {
      return await saveBody(res, session, fileName)
    } finally {
      signal.removeEventListener('abort', onAbort)
    }
  } catch (error) {
    if (signal.aborted) throw new ApiError(499, 'Client closed request')
    throw error instanceof RemoteFailure ? failureError(error.failure) : error
  }
}
