/**
 * ImageKit's own record of a file (`GET /v1/files/{fileId}/details`, the "file object"), as the route
 * fetched it with the private key. Only the fields the route relies on are typed strictly.
 */
export interface ImageKitFile {
  fileId: string
  name: string
  /** `/folder/sub/name.png`: what the folder check reads. */
  filePath: string
  url: string
  /** ISO 8601; `revert.windowMs` is measured from it. */
  createdAt: string
  updatedAt?: string
  size?: number
  fileType?: string
  mime?: string
  tags?: string[] | null
  customMetadata?: Record<string, unknown>
  isPrivateFile?: boolean
  width?: number
  height?: number
  thumbnail?: string
  readonly [field: string]: unknown
}

/** What `onUploadComplete` receives: the caller, ImageKit's record of the file, and the request. */
export interface UploadComplete<I> {
  /** What `authorize` returned (`null` only on an anonymous route). */
  identity: I
  /** ImageKit's record, never the browser's description of it. */
  file: ImageKitFile
  /** The `{ action: 'complete' }` request (its body is already read). */
  request: Request
}

/**
 * Called once the browser reports a finished upload and the route has checked, with ImageKit, that the
 * file exists in the caller's folder. Its JSON-serialisable result is sent back as `{ serverData }`.
 * Throw an `AuthEndpointError` to refuse with that code.
 */
export type OnUploadComplete<I> = (event: UploadComplete<I>) => unknown

/** `revert: true` (any time) or `{ windowMs }` (only that long after the file's `createdAt`). */
export type RevertOption = boolean | { windowMs: number }

/** The after-upload actions a route offers; listed in `actions` on every signature answer. */
export type RouteAction = 'complete' | 'revert'

/** The `fetch` the route calls ImageKit with (tests inject one). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>
