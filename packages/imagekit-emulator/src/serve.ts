import { createReadStream } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ApiError } from './api-error.js'
import { sendError } from './http-response.js'
import { messages } from './messages.js'
import type { EmulatorState } from './state.js'
import { parseTransformation, type Resize, resizeImage } from './thumbnail.js'

interface FileRequest {
  filePath: string
  transformation: string | undefined
}

/** `/tr:n-ik_ml_thumbnail/a/b.jpg` or `/a/b.jpg?tr=w-100` (path relative to the URL endpoint). */
function parseFileRequest(rest: string, query: URLSearchParams): FileRequest | undefined {
  let path: string
  try {
    path = decodeURIComponent(rest)
  } catch {
    return undefined
  }
  const match = /^\/(tr:[^/]+)(\/.*)$/.exec(path)
  if (match?.[1] && match[2]) return { filePath: match[2], transformation: match[1].slice(3) }
  return { filePath: path, transformation: query.get('tr') ?? undefined }
}

function sendHead(res: ServerResponse, mime: string, length: number, etag: string): void {
  res.statusCode = 200
  res.setHeader('Content-Type', mime)
  res.setHeader('Content-Length', length)
  res.setHeader('ETag', `"${etag}"`)
  res.setHeader('Cache-Control', 'public, max-age=31536000')
}

/**
 * Serve stored files at urlEndpoint + filePath, looked up in the index (never a path on disk built
 * from the URL). A transformation with a size (the ML thumbnail, w-/h-) is downscaled with sharp
 * when it is installed; any other transformation serves the original.
 */
export async function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  state: EmulatorState,
  rest: string,
  query: URLSearchParams,
): Promise<void> {
  const wanted = parseFileRequest(rest, query)
  const record = wanted && state.files.record(wanted.filePath)
  if (!wanted || !record || (wanted.transformation !== undefined && /\.\./.test(wanted.transformation))) {
    return sendError(res, new ApiError(404, messages.notFound))
  }
  const diskPath = state.files.diskPath(record)
  const resize: Resize | undefined =
    wanted.transformation !== undefined ? parseTransformation(wanted.transformation) : undefined
  if (resize && record.fileType === 'image' && !record.mime.includes('svg')) {
    const buffer = await resizeImage(diskPath, resize)
    if (buffer) {
      sendHead(res, record.mime, buffer.length, `${record.versionInfo.id}-${wanted.transformation}`)
      res.end(req.method === 'HEAD' ? undefined : buffer)
      return
    }
  }
  sendHead(res, record.mime, record.size, record.versionInfo.id)
  if (req.method === 'HEAD') return void res.end()
  const stream = createReadStream(diskPath)
  stream.on('error', () => res.destroy())
  stream.pipe(res)
}
