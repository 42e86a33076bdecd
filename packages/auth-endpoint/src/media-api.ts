import type { ImageKitFile } from './after-upload-types.js'
import type { Config } from './config.js'
import { AuthEndpointError } from './errors.js'

const PREFIX = '@upkit/auth-endpoint:'

/** ImageKit's media API, called with the private key (Basic auth, the key as user name). */
export interface MediaApi {
  /** `GET /v1/files/{fileId}/details`: ImageKit's own record of the file. */
  file(fileId: string): Promise<ImageKitFile>
  /** `DELETE /v1/files/{fileId}` (answers 204). */
  remove(fileId: string): Promise<void>
}

function basicAuth(privateKey: string): string {
  const bytes = new TextEncoder().encode(`${privateKey}:`)
  return `Basic ${btoa(String.fromCharCode(...bytes))}`
}

function unavailable(): AuthEndpointError {
  return new AuthEndpointError(
    'IMAGEKIT_UNAVAILABLE',
    'ImageKit could not be reached or failed; try again shortly.',
  )
}

/** ImageKit's 429 becomes ours, with its reset (ms) relayed so the browser waits as long as ImageKit asks. */
function rateLimited(response: Response): AuthEndpointError {
  const reset = Number(response.headers.get('x-ratelimit-reset'))
  const after = Number(response.headers.get('retry-after'))
  const resetMs =
    Number.isFinite(reset) && reset > 0 ? Math.ceil(reset) : Number.isFinite(after) ? after * 1000 : 1000
  const seconds = Math.max(1, Math.ceil(resetMs / 1000))
  return new AuthEndpointError(
    'IMAGEKIT_RATE_LIMITED',
    `ImageKit is limiting requests; try again in ${seconds} s.`,
    { headers: { 'Retry-After': String(seconds), 'X-RateLimit-Reset': String(resetMs) } },
  )
}

async function messageOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => '')
  try {
    const message = (JSON.parse(text) as { message?: unknown }).message
    return typeof message === 'string' ? message : text.slice(0, 200)
  } catch {
    return text.slice(0, 200)
  }
}

/** Every non-2xx answer, as an honest status for the browser; the server's own problems are logged. */
async function failure(config: Config, what: string, response: Response): Promise<AuthEndpointError> {
  if (response.status === 404 || response.status === 400) {
    return new AuthEndpointError('FILE_NOT_FOUND', 'ImageKit has no file with that fileId.')
  }
  if (response.status === 429) return rateLimited(response)
  const message = config.keys.redact(await messageOf(response))
  config.logger.error(`${PREFIX} ImageKit answered ${response.status} to ${what}: ${message}`)
  if (response.status >= 500) return unavailable()
  return new AuthEndpointError(
    'IMAGEKIT_ERROR',
    "ImageKit refused the server's request; the details are in the server log.",
  )
}

async function send(config: Config, method: 'GET' | 'DELETE', path: string): Promise<Response> {
  const { baseUrl, timeoutMs, fetch } = config.afterUpload.api
  const headers = { Authorization: basicAuth(await config.keys.privateKey()), Accept: 'application/json' }
  try {
    return await fetch(`${baseUrl}${path}`, { method, headers, signal: AbortSignal.timeout(timeoutMs) })
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    config.logger.error(`${PREFIX} ImageKit ${method} ${path} failed: ${config.keys.redact(reason)}`)
    throw unavailable()
  }
}

function checkRecord(config: Config, fileId: string, record: unknown): ImageKitFile {
  const file = record as Partial<ImageKitFile> | null
  const usable =
    typeof file === 'object' &&
    file !== null &&
    file.fileId === fileId &&
    typeof file.filePath === 'string' &&
    typeof file.createdAt === 'string'
  if (usable) return file as ImageKitFile
  config.logger.error(`${PREFIX} ImageKit's file details for ${fileId} lack fileId, filePath or createdAt.`)
  throw new AuthEndpointError('IMAGEKIT_ERROR', 'ImageKit answered an unexpected file record.')
}

/** The media API calls `complete` and `revert` make (`apiBaseUrl`, `apiTimeoutMs`, `fetch`). */
export function mediaApi(config: Config): MediaApi {
  return {
    async file(fileId) {
      const path = `/v1/files/${encodeURIComponent(fileId)}/details`
      const response = await send(config, 'GET', path)
      if (!response.ok) throw await failure(config, `GET ${path}`, response)
      const record = await response.json().catch(() => undefined)
      return checkRecord(config, fileId, record)
    },
    async remove(fileId) {
      const path = `/v1/files/${encodeURIComponent(fileId)}`
      const response = await send(config, 'DELETE', path)
      if (!response.ok) throw await failure(config, `DELETE ${path}`, response)
      await response.body?.cancel()
    },
  }
}
