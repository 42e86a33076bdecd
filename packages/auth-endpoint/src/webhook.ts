import { readLimited } from './body.js'
import { AuthEndpointError } from './errors.js'
import { perKey } from './key-cache.js'

/** An ImageKit webhook event (`file.created`, `file.updated`, `file.deleted`, `upload.*-transform.*`, …). */
export interface WebhookEvent {
  id: string
  type: string
  created_at: string
  /** `file.created`: ImageKit's file object; `file.deleted`: `{ fileId }`; see ImageKit's webhook docs. */
  data: Record<string, unknown>
  request?: Record<string, unknown>
  readonly [field: string]: unknown
}

/** Header names are matched case-insensitively; node's `req.headers` and a web `Headers` both work. */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>

/** A received webhook: its headers and its raw body, byte for byte (what the signature covers). */
export interface WebhookInput {
  headers: WebhookHeaders
  body: string | Uint8Array
}

export interface VerifyWebhookOptions {
  /** Largest distance, in seconds, between `webhook-timestamp` and now, either way. @default 300 (as the SDK) */
  toleranceSeconds?: number
  /** Clock in milliseconds. @default Date.now */
  now?: () => number
}

/** Webhook bodies are small JSON events; a larger one is refused before it is buffered. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024
const encoder = new TextEncoder()

/** The HMAC-SHA256 key: the secret's UTF-8 bytes, `whsec_` and all (as `webhooks.unwrap` ends up using it). */
const verifyKey = perKey((secret) =>
  globalThis.crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  ),
)

function headerOf(headers: WebhookHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined
  const found = Object.keys(headers).find((key) => key.toLowerCase() === name)
  const value = found === undefined ? undefined : headers[found]
  return typeof value === 'string' ? value : value?.join(' ')
}

function malformed(message: string): AuthEndpointError {
  return new AuthEndpointError('WEBHOOK_MALFORMED', message)
}

/** Strict base64 (what the signature entries are); anything else is no candidate. */
function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0))
}

function signedBytes(id: string, timestamp: number, body: string | Uint8Array): Uint8Array<ArrayBuffer> {
  const head = encoder.encode(`${id}.${timestamp}.`)
  const tail = typeof body === 'string' ? encoder.encode(body) : body
  const bytes = new Uint8Array(head.byteLength + tail.byteLength)
  bytes.set(head)
  bytes.set(tail, head.byteLength)
  return bytes
}

function checkTimestamp(header: string, options: VerifyWebhookOptions): number {
  if (!/^\d{1,15}$/.test(header))
    throw malformed('The webhook-timestamp header is not a Unix time in seconds.')
  const timestamp = Number(header)
  const tolerance = options.toleranceSeconds ?? 300
  const now = Math.floor((options.now ?? Date.now)() / 1000)
  if (Math.abs(now - timestamp) > tolerance) {
    throw new AuthEndpointError(
      'WEBHOOK_TIMESTAMP_EXPIRED',
      `The webhook's timestamp is more than ${tolerance} s away from this server's clock.`,
    )
  }
  return timestamp
}

/** Any `v1,<base64>` entry of the space-separated header that verifies (WebCrypto compares in constant time). */
async function anySignatureMatches(secret: string, header: string, data: Uint8Array<ArrayBuffer>) {
  const key = await verifyKey(secret)
  for (const entry of header.split(' ')) {
    const [version, signature] = entry.split(',')
    const mac = version === 'v1' && signature !== undefined ? fromBase64(signature) : undefined
    if (mac !== undefined && (await globalThis.crypto.subtle.verify('HMAC', key, mac, data))) return true
  }
  return false
}

function parseEvent(body: string | Uint8Array): WebhookEvent {
  let event: unknown
  try {
    event = JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body))
  } catch {
    throw malformed('The webhook body is not JSON.')
  }
  const { id, type } = (event ?? {}) as { id?: unknown; type?: unknown }
  if (typeof event !== 'object' || typeof id !== 'string' || typeof type !== 'string') {
    throw malformed('The webhook body is not an event with an id and a type.')
  }
  return event as WebhookEvent
}

function isRequest(input: Request | WebhookInput): input is Request {
  return typeof (input as Partial<Request>).arrayBuffer === 'function'
}

async function inputOf(input: Request | WebhookInput): Promise<WebhookInput> {
  if (!isRequest(input)) return input
  const body = input.body === null ? new Uint8Array() : await readLimited(input.body, MAX_WEBHOOK_BYTES)
  return { headers: input.headers, body }
}

/**
 * Verifies an ImageKit webhook as `@imagekit/nodejs`'s `webhooks.unwrap` does (the Standard Webhooks scheme:
 * `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`) and
 * returns the parsed event. Pass the raw body, never a re-serialised one. Throws `AuthEndpointError`:
 * `WEBHOOK_MALFORMED`, `WEBHOOK_TIMESTAMP_EXPIRED` or `WEBHOOK_SIGNATURE_INVALID`.
 */
export async function verifyWebhook(
  input: Request | WebhookInput,
  secret: string,
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent> {
  if (typeof secret !== 'string' || secret === '') {
    throw new AuthEndpointError('INVALID_OPTIONS', '@upkit/auth-endpoint: the webhook secret is empty.')
  }
  const { headers, body } = await inputOf(input)
  const id = headerOf(headers, 'webhook-id')
  const timestamp = headerOf(headers, 'webhook-timestamp')
  const signature = headerOf(headers, 'webhook-signature')
  if (!id || !timestamp || !signature) {
    throw malformed('The webhook-id, webhook-timestamp and webhook-signature headers are required.')
  }
  const seconds = checkTimestamp(timestamp, options)
  if (!(await anySignatureMatches(secret, signature, signedBytes(id, seconds, body)))) {
    throw new AuthEndpointError('WEBHOOK_SIGNATURE_INVALID', 'The webhook signature does not match.')
  }
  return parseEvent(body)
}
