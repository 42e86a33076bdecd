import type { FetchMany, Received } from './sign-ahead.js'
import type { Signature } from './types.js'
import { isUploadError } from './upload-error.js'

/** One request to the route (GET when `payload` is undefined); resolves to its parsed JSON. */
export type RouteRequest = (payload: unknown, signal: AbortSignal, query?: string) => Promise<unknown>
/** Checks one signature answer, throwing the engine's coded error when it is unusable. */
export type ValidateSignature = (answer: unknown) => Signature

interface BatchParts {
  request: RouteRequest
  validate: ValidateSignature
  now: () => number
}

/** The route's clock (Unix seconds) from the first source that names one. */
export function serverTimeOf(...sources: unknown[]): { serverTime?: number } {
  for (const source of sources) {
    const value = Number((source as { serverTime?: unknown } | undefined)?.serverTime)
    if (Number.isFinite(value) && value > 0) return { serverTime: value }
  }
  return {}
}

/** A batch answer's `files`, matched to the asked-for files by position (a wrong-length list counts as none). */
function fromBatch(answer: unknown, count: number, { validate, now }: BatchParts): (Received | undefined)[] {
  const batch = (answer ?? {}) as { files?: unknown }
  const list = Array.isArray(batch.files) && batch.files.length <= count ? batch.files : []
  const receivedAt = now()
  return Array.from({ length: count }, (_unused, i) => {
    try {
      const signature = validate(list[i])
      return { signature, receivedAt, ...serverTimeOf(signature, answer) }
    } catch {
      return undefined
    }
  })
}

/** One POST `{ files: [...] }` for several files. */
export function postBatch(parts: BatchParts): FetchMany {
  return async (files, signal) => fromBatch(await parts.request({ files }, signal), files.length, parts)
}

/** One signature per GET, side by side, for at most `limit` files (the rest sign later or alone). */
function getEach(parts: BatchParts, limit: number): FetchMany {
  return (files, signal) =>
    Promise.all(
      files.map((_file, i) =>
        i >= limit
          ? undefined
          : parts.request(undefined, signal).then(
              (answer): Received => {
                const signature = parts.validate(answer)
                return { signature, receivedAt: parts.now(), ...serverTimeOf(signature) }
              },
              () => undefined,
            ),
      ),
    )
}

/**
 * GET `?count=n`: n signatures in one answer from routes that offer it (`@upkit/auth-endpoint` does).
 * A route that answers one signature instead (it ignores the query) or refuses the query (400) is
 * asked one GET per file from then on.
 */
export function getBatch(parts: BatchParts, limit: number): FetchMany {
  const each = getEach(parts, limit)
  let batches = true
  return async (files, signal) => {
    if (!batches || files.length === 1) return each(files, signal)
    let answer: unknown
    try {
      answer = await parts.request(undefined, signal, `count=${files.length}`)
    } catch (error) {
      if (isUploadError(error) && error.status === 400) batches = false
      throw error
    }
    if (Array.isArray((answer as { files?: unknown } | undefined)?.files))
      return fromBatch(answer, files.length, parts)
    batches = false
    const signature = parts.validate(answer)
    const rest = await each(files.slice(1), signal)
    return [{ signature, receivedAt: parts.now(), ...serverTimeOf(signature) }, ...rest]
  }
}
