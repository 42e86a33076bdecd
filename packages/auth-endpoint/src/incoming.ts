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
  /** The web `Request` handed to `authorize`. */
  request(): Request
  /** The raw body, at most `limit` bytes (throws `PAYLOAD_TOO_LARGE` / `INVALID_BODY`). */
  body(limit: number): Promise<Uint8Array | string>
}

/** The route's view of a web `Request`. */
export function fromRequest(request: Request): Incoming {
  return {
    method: request.method,
    header: (name) => request.headers.get(name),
    request: () => request,
    body: async (limit) => (request.body === null ? new Uint8Array() : readLimited(request.body, limit)),
  }
}
