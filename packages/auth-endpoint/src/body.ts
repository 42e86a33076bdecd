import { AuthEndpointError } from './errors.js'
import type { Incoming } from './incoming.js'

/** Reads a web stream of at most `limit` bytes, never buffering more than that. */
export async function readLimited(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw new AuthEndpointError(
        'INVALID_BODY',
        'The request body could not be read; the connection may have closed early.',
      )
    })
    if (done) break
    total += value.byteLength
    if (total > limit) {
      await reader.cancel().catch(() => undefined)
      throw tooLarge(limit)
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

/** The 413 for a body over `limit` bytes. */
export function tooLarge(limit: number): AuthEndpointError {
  return new AuthEndpointError(
    'PAYLOAD_TOO_LARGE',
    `The request body is larger than ${limit} bytes; describe fewer files.`,
  )
}

function checkContentType(incoming: Incoming): void {
  const header = incoming.header('content-type')
  const mediaType = header?.split(';')[0]?.trim().toLowerCase()
  if (mediaType === 'application/json') return
  const got = header === null ? 'no Content-Type' : `Content-Type ${JSON.stringify(header.slice(0, 100))}`
  throw new AuthEndpointError(
    'UNSUPPORTED_MEDIA_TYPE',
    `Send the file description as JSON with Content-Type: application/json (got ${got}).`,
  )
}

function decode(bytes: Uint8Array | string): string {
  if (typeof bytes === 'string') return bytes
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new AuthEndpointError('INVALID_JSON', 'The request body is not valid UTF-8 text.')
  }
}

/** Reads a JSON body of at most `limit` bytes, never buffering more than that. */
export async function readJsonBody(incoming: Incoming, limit: number): Promise<unknown> {
  checkContentType(incoming)
  const declared = Number(incoming.header('content-length') ?? Number.NaN)
  if (declared > limit) throw tooLarge(limit)
  const text = decode(await incoming.body(limit))
  if (text.trim() === '') {
    throw new AuthEndpointError(
      'INVALID_JSON',
      'The request body is empty; send JSON describing the file(s).',
    )
  }
  try {
    return JSON.parse(text)
  } catch {
    throw new AuthEndpointError('INVALID_JSON', 'The request body is not valid JSON.')
  }
}
