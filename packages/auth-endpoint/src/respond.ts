import { AuthEndpointError } from './errors.js'
import type { KeyRing } from './keys.js'

/** Headers every answer carries, errors included. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  Vary: 'Origin',
  'X-Content-Type-Options': 'nosniff',
}

/** An answer before it is a web `Response` or written to a node `ServerResponse`: plain strings only. */
export interface Answer {
  status: number
  headers: Record<string, string>
  /** `Set-Cookie` lines of a relayed refusal (each must stay a header of its own). */
  cookies?: readonly string[]
  body: string | null
}

const JSON_TYPE = 'application/json; charset=utf-8'

/** A JSON answer with the base headers plus `headers`. */
export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return {
    status,
    headers: { ...BASE_HEADERS, 'Content-Type': JSON_TYPE, ...headers },
    body: JSON.stringify(body),
  }
}

/** An empty answer (preflight) with the base headers plus `headers`. */
export function emptyAnswer(status: number, headers: Record<string, string> = {}): Answer {
  return { status, headers: { ...BASE_HEADERS, ...headers }, body: null }
}

/** The `{ code, message }` answer for an error. */
export function errorAnswer(error: AuthEndpointError, headers: Record<string, string> = {}): Answer {
  return jsonAnswer(error.status, error.toJSON(), { ...error.headers, ...headers })
}

/** The web `Response` for an answer. */
export function toResponse(answer: Answer): Response {
  const { status, body, cookies } = answer
  if (cookies === undefined || cookies.length === 0)
    return new Response(body, { status, headers: answer.headers })
  const headers = new Headers(answer.headers)
  for (const cookie of cookies) headers.append('set-cookie', cookie)
  return new Response(body, { status, headers })
}

/** The web `Response` for an error (used where no route runs, e.g. a misconfigured Next.js route). */
export function errorResponse(error: AuthEndpointError, headers: Record<string, string> = {}): Response {
  return toResponse(errorAnswer(error, headers))
}

const RELAY_SKIPS = new Set(['set-cookie', 'content-length', 'transfer-encoding'])

/** A refusal `Response` from `authorize`, relayed with our headers added (non-4xx statuses become 403). */
export async function relayRefusal(refusal: Response, headers: Record<string, string>): Promise<Answer> {
  const status = refusal.status >= 400 && refusal.status < 500 ? refusal.status : 403
  const source = new Headers(refusal.headers)
  const merged: Record<string, string> = {}
  // The body is sent again as a string, so its framing headers are ours to set.
  for (const [name, value] of source) if (!RELAY_SKIPS.has(name)) merged[name] = value
  // Ours win, matched case-insensitively (the relayed names are lower-case).
  for (const [name, value] of Object.entries({ ...BASE_HEADERS, ...headers }))
    merged[name.toLowerCase()] = value
  const cookies = source.getSetCookie()
  const body = status === refusal.status ? await refusal.text() : ''
  const answer: Answer = { status, headers: merged, cookies, body }
  if (body !== '') return answer
  merged['content-type'] = JSON_TYPE
  const fallback = new AuthEndpointError('FORBIDDEN', 'You are not allowed to upload.')
  return { ...answer, body: JSON.stringify(fallback.toJSON()) }
}

/** True when any part of the answer (body, header names and values, cookies) contains a private key. */
export function answerLeaks(keys: KeyRing, answer: Answer): boolean {
  if (answer.body !== null && keys.leaks(answer.body)) return true
  for (const name in answer.headers) {
    if (keys.leaks(name) || keys.leaks(answer.headers[name] ?? '')) return true
  }
  return answer.cookies?.some((cookie) => keys.leaks(cookie)) === true
}
