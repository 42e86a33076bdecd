import { basic, form, type Harness, png, post } from './helpers.js'

export interface ApiAnswer {
  status: number
  headers: Headers
  /** Parsed JSON, or null for an empty body (204). */
  body: unknown
}

export interface ApiCall {
  body?: unknown
  /** The private key sent as Basic auth user name (default: the primary pair's); null sends none. */
  privateKey?: string | null
}

/** One media API request over HTTP, as a server-side caller would send it. */
export async function api(h: Harness, method: string, path: string, call: ApiCall = {}): Promise<ApiAnswer> {
  const headers: Record<string, string> = {}
  const privateKey = call.privateKey === undefined ? h.emu.keys.primary.privateKey : call.privateKey
  if (privateKey !== null) headers.Authorization = basic(privateKey)
  const init: RequestInit = { method, headers }
  if (call.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    init.body = typeof call.body === 'string' ? call.body : JSON.stringify(call.body)
  }
  const response = await fetch(`${h.emu.url}${path}`, init)
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null }
}

export interface Uploaded {
  fileId: string
  name: string
  filePath: string
}

/** A server-side upload (fixed name unless `unique`), answered 200. */
export async function upload(
  h: Harness,
  fileName: string,
  fields: Record<string, string> = {},
  file?: Blob,
): Promise<Uploaded> {
  const data = form({
    file: file ?? new Blob([`bytes of ${fileName}`]),
    fileName,
    useUniqueFileName: 'false',
    ...fields,
  })
  const answer = await post(h.emu.uploadUrl, data, { Authorization: basic(h.emu.keys.primary.privateKey) })
  if (answer.status !== 200)
    throw new Error(`upload answered ${answer.status}: ${JSON.stringify(answer.body)}`)
  return answer.body as unknown as Uploaded
}

/** An image upload of the given size. */
export async function uploadImage(h: Harness, fileName: string, width: number, height: number, fields = {}) {
  return upload(h, fileName, fields, await png(width, height))
}

/** The names of a list answer, in order. */
export const names = (answer: ApiAnswer): string[] =>
  (answer.body as { name: string }[]).map((file) => file.name)

/** GET /v1/files with these query parameters. */
export function list(h: Harness, query: Record<string, string> = {}): Promise<ApiAnswer> {
  return api(h, 'GET', `/v1/files?${new URLSearchParams(query)}`)
}
