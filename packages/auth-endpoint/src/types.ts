import type { FetchLike, OnUploadComplete, RevertOption, RouteAction } from './after-upload-types.js'
import type { UploadField } from './fields.js'
import type { RateLimitStore } from './rate-limit.js'

/**
 * Who is uploading: a user id, or an object with an `id` (any type of yours: `authorize`'s return type is what
 * `forcedFolder` and `onUploadComplete` receive).
 */
export type Identity = string | { readonly id: string | number }

/** What `authorize` may return: the identity, or a refusal. */
export type AuthorizeResult<I extends Identity = Identity> = I | null | false | undefined | Response

/**
 * Decides who may upload. Return the caller's identity, `null`/`false` to refuse with 401, or return/throw a
 * `Response` (relayed with its status) or an `AuthEndpointError` to refuse otherwise; any other throw is a 403.
 */
export type Authorize<I extends Identity = Identity> = (
  request: Request,
) => AuthorizeResult<I> | Promise<AuthorizeResult<I>>

/** A rolled key is picked up without a restart: called on every request; cache it yourself if it is costly. */
export type PrivateKeyProvider = () => string | Promise<string>

/** `I`: the identity the callbacks receive (`null` on an anonymous route). */
export interface UploadPolicy<I extends Identity | null = Identity | null> {
  /** Folders uploads may go to (a folder matches itself and everything below it). @default any folder */
  allowedFolders?: readonly string[]
  /** Folder the server decides, per caller: uploads go there or below it. @default none */
  forcedFolder?: string | ((identity: I) => string | Promise<string>)
  /** Largest file, in bytes, that may be described (`size` becomes required, except for a link). @default no limit */
  maxFileSize?: number
  /**
   * Sign uploads the browser describes as a link (`url`, the engine's `addUrl`): ImageKit downloads the
   * file, so its size is unknown here and `maxFileSize` cannot apply. @default false
   */
  allowUrls?: boolean
  /** MIME types, wildcards allowed (`image/*`); `type` becomes required. @default any type */
  allowedTypes?: readonly string[]
  /** File name extensions, with or without the dot, case-insensitive (`['jpg', '.png']`). @default any */
  allowedExtensions?: readonly string[]
  /** Most files one POST may describe (`{ files: [...] }`). @default 20 */
  maxFiles?: number
  /** Tags a file may carry; any other tag is refused. @default any tag */
  allowedTags?: readonly string[]
  /**
   * Upload fields the browser may set. `fileName` is always allowed; the rest is refused with 403.
   * @default ['fileName','folder','tags','useUniqueFileName','isPrivateFile','customCoordinates','responseFields','customMetadata','description']
   */
  allowedFields?: readonly UploadField[]
}

export interface CorsOptions {
  /** Exact origins allowed to call the route, e.g. `['https://app.example.com']`. */
  origins: readonly string[]
  /** Send `Access-Control-Allow-Credentials: true` (cookies / HTTP auth). @default false */
  credentials?: boolean
  /** Request headers a browser may send. @default ['content-type', 'authorization'] */
  allowedHeaders?: readonly string[]
  /** Preflight cache lifetime, seconds. @default 600 */
  maxAge?: number
}

export interface RateLimitOptions {
  /** Requests allowed per caller per interval. */
  limit: number
  /** Interval length in milliseconds. */
  intervalMs: number
  /** Where counts live; share one (e.g. Redis) between instances. @default an in-memory store */
  store?: RateLimitStore
}

/** Writes the route's warnings and internal failures; never receives the private key. */
export type Logger = Pick<Console, 'warn' | 'error'>

/**
 * The route's options. `I` is the identity every callback receives: inferred from `authorize`'s return type
 * (never `null` there: a `null` from `authorize` is a 401), or `null` on a route without `authorize`.
 */
export interface AuthHandlerOptions<I extends Identity | null = Identity | null> {
  /** ImageKit public key. @default process.env.IMAGEKIT_PUBLIC_KEY */
  publicKey?: string
  /** ImageKit private key, or a (possibly async) provider called per request. @default process.env.IMAGEKIT_PRIVATE_KEY */
  privateKey?: string | PrivateKeyProvider
  /** 1: `{ token, expire, signature }` (HMAC-SHA1); 2: an HS256 JWT bound to the upload fields. @default 1 */
  apiVersion?: 1 | 2
  /** Signature lifetime in seconds, from server time; must be below 3600. @default 1800 */
  expiresIn?: number
  /** Who may upload. Without it every request is refused unless `allowAnonymous` is true. @default none */
  authorize?: Authorize<NonNullable<I>>
  /** Serve callers without `authorize` (warns once at startup). @default false */
  allowAnonymous?: boolean
  /** What a POST may ask for. @default no restrictions beyond `maxFiles: 20` and the default `allowedFields` */
  policy?: UploadPolicy<I>
  /**
   * Offers the `complete` action: after an upload the browser posts `{ action: 'complete', fileId }`, the route
   * fetches the file from ImageKit, checks its folder against the policy, and answers `{ serverData }` with
   * what this returns. @default none (no `complete` action)
   */
  onUploadComplete?: OnUploadComplete<I>
  /** Offers the `revert` action (delete a file this caller uploaded), optionally within `windowMs` of its upload. @default false */
  revert?: RevertOption
  /** ImageKit's media API, for `complete` and `revert`. @default 'https://api.imagekit.io' */
  apiBaseUrl?: string
  /** How long one call to ImageKit's media API may take, ms. @default 10000 */
  apiTimeoutMs?: number
  /** The `fetch` used to call ImageKit. @default globalThis.fetch */
  fetch?: FetchLike
  /** CORS allow-list. @default none: no CORS headers, preflights refused */
  cors?: CorsOptions
  /** Per-caller rate limit (identity, else client address), or `false`. @default { limit: 600, intervalMs: 60000 } */
  rateLimit?: RateLimitOptions | false
  /**
   * Take the client address from `X-Forwarded-For`: `true` = one proxy in front (the last address, the one it
   * added), a number = that many proxies. Only behind proxies that set the header. @default false
   */
  trustProxy?: boolean | number
  /** Largest POST body, bytes. @default 16384 */
  maxBodyBytes?: number
  /** Where warnings and internal failures go. @default console */
  logger?: Logger
  /** Clock in milliseconds, for tests. @default Date.now */
  now?: () => number
  /** Skip the "refuses to run in a browser or browser worker" guard (jsdom tests only). @default false */
  dangerouslyAllowBrowser?: boolean
}

/** Options with `authorize`: every callback receives its identity `I`, never `null`. */
export type AuthorizedOptions<I extends Identity> = AuthHandlerOptions<I> & { authorize: Authorize<I> }

/** Options without `authorize` (an `allowAnonymous` route): callbacks receive `null`. */
export type AnonymousOptions = AuthHandlerOptions<null> & { authorize?: undefined }

/** Options of any identity type, as the route reads them internally. */
// biome-ignore lint/suspicious/noExplicitAny: callbacks take `I` and `authorize` returns it (invariant), so only `any` accepts every `I`
export type AnyAuthHandlerOptions = AuthHandlerOptions<any>

/** What an adapter knows about the connection. */
export interface RequestContext {
  /** The peer's address (the socket's remote address), used as the rate-limit key for anonymous callers. */
  clientAddress?: string | undefined
}

/** The web-standard signing route. */
export type AuthHandler = (request: Request, context?: RequestContext) => Promise<Response>

/** V1 answer to GET (ImageKit's documented shape plus `serverTime`); POST adds `params`. */
export interface SignatureV1 {
  token: string
  /** Unix seconds after which ImageKit refuses the signature. */
  expire: number
  signature: string
  publicKey: string
  /** The route's clock when it signed, Unix seconds: `expire - serverTime` is the lifetime, whatever the client's clock says. */
  serverTime: number
  params?: Record<string, string>
  /** The after-upload actions this route offers; absent when it offers none. */
  actions?: RouteAction[]
}

/** V2 answer: `token` is the JWT, `params` the exact form fields it binds (send them unchanged, plus `file`). */
export interface SignatureV2 {
  token: string
  expire: number
  publicKey: string
  /** The route's clock when it signed, Unix seconds (the JWT's `iat`). */
  serverTime: number
  params: Record<string, string>
  /** The after-upload actions this route offers; absent when it offers none. */
  actions?: RouteAction[]
}

/** Answer to `POST { files: [...] }`: one signature per file, in order; every item carries the same `serverTime`. */
export interface SignatureBatch<S extends SignatureV1 | SignatureV2 = SignatureV1 | SignatureV2> {
  files: S[]
  serverTime: number
  /** As on each file's answer. */
  actions?: RouteAction[]
}
