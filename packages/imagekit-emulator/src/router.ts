import type { IncomingMessage, ServerResponse } from 'node:http'
import { ApiError } from './api-error.js'
import { handleControl } from './control-routes.js'
import { sendError, sendJson, sendPreflight, setCommonHeaders } from './http-response.js'
import { requestId } from './ids.js'
import { handleMedia } from './media-routes.js'
import { messages } from './messages.js'
import { serveFile } from './serve.js'
import type { EmulatorState } from './state.js'
import { handleUpload } from './upload-handler.js'

const UPLOAD_PATHS: Record<string, 'v1' | 'v2'> = {
  '/api/v1/files/upload': 'v1',
  '/api/v2/files/upload': 'v2',
}

async function route(req: IncomingMessage, res: ServerResponse, state: EmulatorState): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator.local')
  const method = req.method ?? 'GET'
  if (method === 'OPTIONS') return sendPreflight(req, res)
  const uploadPath = UPLOAD_PATHS[url.pathname.replace(/\/$/, '')]
  if (uploadPath) {
    if (method !== 'POST') throw new ApiError(405, messages.methodNotAllowed, { Allow: 'POST, OPTIONS' })
    return handleUpload(req, res, state, uploadPath)
  }
  if (url.pathname.startsWith('/_emulator/')) return handleControl(req, res, state, url.pathname.slice(10))
  if (/^\/v1\/files(\/|$)/.test(url.pathname)) return handleMedia(req, res, state, url)
  const prefix = state.servePrefix
  const isGet = method === 'GET' || method === 'HEAD'
  if (isGet && (prefix === '' || url.pathname.startsWith(`${prefix}/`))) {
    return serveFile(req, res, state, url.pathname.slice(prefix.length), url.searchParams)
  }
  if (isGet && url.pathname === '/') {
    return sendJson(res, 200, {
      name: '@upkit/imagekit-emulator',
      uploadUrl: '/api/v1/files/upload',
      uploadUrlV2: '/api/v2/files/upload',
      mediaApi: '/v1/files',
      urlEndpoint: state.urlEndpoint,
    })
  }
  throw new ApiError(404, messages.notFound)
}

/** The node:http listener: request ids and CORS on every answer, and no error ever escapes. */
export function createListener(state: EmulatorState) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    setCommonHeaders(req, res, requestId(), state.exposeRequestId)
    res.on('error', () => undefined)
    req.on('error', () => undefined)
    const work = route(req, res, state)
      .catch((error: unknown) => {
        sendError(res, error)
        if (!req.complete) req.resume()
      })
      .finally(() => state.inflight.delete(work))
    state.inflight.add(work)
  }
}
