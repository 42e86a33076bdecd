import { messages } from './messages.js'

/** An answer in ImageKit's `{ message, help }` shape, thrown anywhere in request handling. */
export class ApiError extends Error {
  readonly status: number
  readonly headers: Record<string, string>
  /** A raw body instead of the JSON error (used by status faults to imitate non-JSON 5xx pages). */
  readonly rawBody: string | undefined
  /** Fields answered next to `message` and `help` (e.g. `missingFileIds`, or a key rule's `code`). */
  readonly fields: Record<string, unknown>
  /** Answer without the request-id headers (a gateway-style fault). */
  omitRequestId = false

  constructor(
    status: number,
    message: string,
    headers: Record<string, string> = {},
    rawBody?: string,
    fields: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.headers = headers
    this.rawBody = rawBody
    this.fields = fields
  }
}

export const badRequest = (message: string, fields: Record<string, unknown> = {}): ApiError =>
  new ApiError(400, message, {}, undefined, fields)
export const forbidden = (message: string): ApiError => new ApiError(403, message)
export const notFound = (message: string, fields: Record<string, unknown> = {}): ApiError =>
  new ApiError(404, message, {}, undefined, fields)
export const invalidParam = (name: string, detail?: string): ApiError =>
  badRequest(messages.invalidParam(name, detail))
export const missingParam = (name: string): ApiError => badRequest(messages.missingParam(name))
