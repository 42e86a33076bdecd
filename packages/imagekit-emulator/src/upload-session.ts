import { rm } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { ApiError } from './api-error.js'
import { BodyPump } from './body-pump.js'
import type { UploadPath } from './fault-store.js'
import { messages } from './messages.js'
import type { EmulatorState } from './state.js'
import type { FaultAction } from './types.js'

/** Turn an answering fault into the error it answers with. */
export function faultError(action: FaultAction): ApiError | undefined {
  switch (action.type) {
    case 'status': {
      const error = new ApiError(
        action.status,
        action.message ?? messages.faultStatus(action.status),
        action.headers ?? {},
        action.body,
      )
      error.omitRequestId = action.omitRequestId === true
      return error
    }
    case 'rate-limit':
      return new ApiError(429, messages.rateLimited, {
        'X-RateLimit-Limit': String(action.limit ?? 10),
        'X-RateLimit-Reset': String(action.resetMs),
        'X-RateLimit-Interval': String(action.intervalMs ?? 60_000),
      })
    case 'storage-full':
      return new ApiError(403, messages.uploadLimit)
    default:
      return undefined
  }
}

/** One upload request in flight: its body pump, the first error decided, its temp files. */
export class UploadSession {
  readonly path: UploadPath
  readonly pump: BodyPump
  readonly state: EmulatorState
  failure: ApiError | undefined
  /** Whether the request's token had been used before this request (decided when it was read). */
  tokenReused = false
  #nameMatched = false
  #temps = new Set<string>()
  #timers = new Set<NodeJS.Timeout>()

  constructor(req: IncomingMessage, path: UploadPath, state: EmulatorState) {
    this.path = path
    this.pump = new BodyPump(req)
    this.state = state
    this.applyFault(state.faults.take(path, undefined))
  }

  /** Record the first error; later bytes of the file are dropped, the answer waits for the body. */
  fail(error: ApiError): void {
    this.failure ??= error
  }

  /** A client file name became known (form field or file part name): a by-name fault may match it. */
  nameSeen(fileName: string): void {
    if (this.#nameMatched) return
    const action = this.state.faults.take(this.path, fileName)
    this.#nameMatched = action !== undefined
    this.applyFault(action)
  }

  applyFault(action: FaultAction | undefined): void {
    if (!action) return
    const error = faultError(action)
    if (error) this.fail(error)
    else if (action.type === 'cut') this.pump.cutAfter(action.afterBytes)
    else if (action.type === 'latency' || action.type === 'stall') this.#hold(action.ms)
  }

  /**
   * Stop reading the body, for `ms` or (undefined) until the connection closes. Note that a paused
   * socket cannot notice its client leaving: a stall without `ms` lasts until the client's TCP
   * stack gives up or stop() closes every connection (its temp file is never listed meanwhile).
   */
  #hold(ms: number | undefined): void {
    this.pump.hold()
    if (ms === undefined) return
    const timer = setTimeout(() => {
      this.#timers.delete(timer)
      this.pump.release()
    }, ms)
    this.#timers.add(timer)
  }

  trackTemp(path: string): void {
    this.#temps.add(path)
  }

  untrackTemp(path: string): void {
    this.#temps.delete(path)
  }

  /** Delete every temp file this request still owns and stop its timers. */
  async cleanup(): Promise<void> {
    for (const timer of this.#timers) clearTimeout(timer)
    this.#timers.clear()
    const temps = [...this.#temps]
    this.#temps.clear()
    await Promise.all(temps.map((path) => rm(path, { force: true })))
  }
}
