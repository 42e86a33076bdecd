import type { IncomingMessage } from 'node:http'
import type { Writable } from 'node:stream'

export type BodyEnd = 'end' | 'aborted'

/**
 * Moves a request body into a sink (the multipart parser) with back-pressure, and lets faults
 * hold it (stall, latency), cut the connection after N bytes, or drop the rest of the body.
 */
export class BodyPump {
  bytes = 0
  readonly done: Promise<BodyEnd>
  #req: IncomingMessage
  #sink: Writable | undefined
  #holds = 0
  #cutAt = Number.POSITIVE_INFINITY
  #waitingDrain = false
  #discarding = false
  #started = false
  #finished: BodyEnd | undefined

  constructor(req: IncomingMessage) {
    this.#req = req
    this.done = new Promise((resolve) => {
      req.once('end', () => {
        // A cut armed for more bytes than the body has still kills the connection before any answer.
        if (Number.isFinite(this.#cutAt)) {
          this.#finished = 'aborted'
          this.#sink?.destroy(new Error('Connection cut'))
          this.#cut()
          resolve('aborted')
          return
        }
        this.#finished ??= 'end'
        if (this.#sink && !this.#discarding) this.#sink.end()
        resolve(this.#finished)
      })
      req.once('close', () => {
        // Closed before we read the end (even if the whole body had arrived): nobody will answer.
        if (this.#finished === 'end') return
        this.#finished = 'aborted'
        this.#sink?.destroy(new Error('Request aborted'))
        resolve('aborted')
      })
    })
    req.on('error', () => undefined)
  }

  /** Whether a fault is holding the body. */
  get held(): boolean {
    return this.#holds > 0
  }

  get aborted(): boolean {
    return this.#finished === 'aborted'
  }

  /** Start feeding the body into `sink`. */
  start(sink: Writable): void {
    this.#sink = sink
    this.#started = true
    this.#req.on('data', (chunk: Buffer) => this.#onData(chunk))
    if (this.#holds > 0) this.#req.pause()
  }

  /** Stop reading the body until release(). */
  hold(): void {
    this.#holds++
    this.#req.pause()
  }

  release(): void {
    this.#holds = Math.max(0, this.#holds - 1)
    this.#resume()
  }

  /** Destroy the connection once `afterBytes` body bytes have arrived (now, if they already have). */
  cutAfter(afterBytes: number): void {
    this.#cutAt = afterBytes
    if (this.bytes >= afterBytes) this.#cut()
  }

  /** Read and drop the rest of the body (the answer is already decided); resolves when it ends. */
  discard(): Promise<BodyEnd> {
    this.#discarding = true
    this.#waitingDrain = false
    if (!this.#started) {
      this.#started = true
      this.#req.on('data', (chunk: Buffer) => this.#onData(chunk))
    }
    if (this.#holds === 0) this.#req.resume()
    return this.done
  }

  #onData(chunk: Buffer): void {
    this.bytes += chunk.length
    if (this.bytes >= this.#cutAt) {
      this.#cut()
      return
    }
    if (this.#discarding || !this.#sink || this.#sink.destroyed) return
    if (!this.#sink.write(chunk)) {
      this.#waitingDrain = true
      this.#req.pause()
      this.#sink.once('drain', () => {
        this.#waitingDrain = false
        this.#resume()
      })
    }
  }

  #resume(): void {
    if (this.#holds === 0 && !this.#waitingDrain && this.#started) this.#req.resume()
  }

  #cut(): void {
    this.#cutAt = Number.POSITIVE_INFINITY
    this.#req.socket?.destroy()
  }
}
