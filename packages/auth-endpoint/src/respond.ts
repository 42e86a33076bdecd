import { AuthEndpointError } from './errors.js'

/** Headers every answer carries, errors included. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  Vary: 'Origin',
  'X-Content-Type-Options': 'nosniff',
}

/** A JSON answer with the base headers plus `headers`. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...BASE_HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...headers },
  })
}

/** An empty answer (preflight) with the base headers plus `headers`. */
export function emptyResponse(status: number, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers: { ...BASE_HEADERS, ...headers } })
}

/** The `{ code, message }` answer for an error. */
export function errorResponse(error: AuthEndpointError, headers: Record<string, string> = {}): Response {
  return jsonResponse(error.status, error.toJSON(), { ...error.headers, ...headers })
}

/** A refusal `Response` from `authorize`, relayed with our headers added (non-4xx statuses become 403). */
export async function relayRefusal(refusal: Response, headers: Record<string, string>): Promise<Response> {
  const status = refusal.status >= 400 && refusal.status < 500 ? refusal.status : 403
  const merged = new Headers(refusal.headers)
  for (const [name, value] of Object.entries({ ...BASE_HEADERS, ...headers })) merged.set(name, value)
  const body = status === refusal.status ? await refusal.text() : ''
  if (body === '') {
    merged.set('Content-Type', 'application/json; charset=utf-8')
    const fallback = new AuthEndpointError('FORBIDDEN', 'You are not allowed to upload.')
    return new Response(JSON.stringify(fallback.toJSON()), { status, headers: merged })
  }
  return new Response(body, { status, headers: merged })
}
