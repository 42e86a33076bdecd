import { readLimited } from './body.js'

/** Where the route reads request headers from (lower-case names; repeated headers joined with ", "). */
export interface HeaderSource {
  header(name: string): string | null
}

/**
 * A request as the route sees it. The web handler wraps a `Request`; the node adapter reads the node
 * request directly and builds a web `Request` only when `authorize` asks for one.
 */
export interface Incoming extends HeaderSource {
  readonly method: string
  /** A query parameter of the request URL, or null. */
  query(name: string): string | null
  /** The web `Request` handed to `authorize`. */
  request(): Request
  /** The raw body, at most `limit` bytes (throws `PAYLOAD_TOO_LARGE` / `INVALID_BODY`). */
  body(limit: number): Promise<Uint8Array | string>
}

/** The route's view of a web `Request`. */
export function fromRequest(request: Request): Incoming {
  return {
    method: request.method,
    query: (name) => new URL(request.url).searchParams.get(name),
    header: (name) => request.headers.get(name),
    request: () => request,
    body: async (limit) => (request.body === null ? new Uint8Array() : readLimited(request.body, limit)),
  }
}

/** A query parameter of a request target such as `/auth?count=4` (no URL object for the common case: none). */
export function queryOf(target: string, name: string): string | null {
  const at = target.indexOf('?')
  return at === -1 ? null : new URLSearchParams(target.slice(at + 1)).get(name)
}
