import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import type { WebhookDelivery, WebhookOptions } from './types.js'
import { signWebhook } from './webhook-signature.js'

/** The envelope of every event (`BaseWebhookEvent` + `created_at` in the SDK's src/resources/webhooks.ts). */
export interface WebhookEvent {
  id: string
  type: string
  created_at: string
  data: unknown
  request?: unknown
}

const MAX_KEPT = 500

/**
 * Sends signed webhook events to the configured URL, after the answer that caused them (send()
 * returns at once), retrying a failed attempt `retries` times with a doubling delay; every attempt
 * is signed afresh (same id, new timestamp). `settled()` waits for every delivery in flight.
 */
export class WebhookSender {
  #options: Required<WebhookOptions> | undefined
  #now: () => number
  #deliveries: WebhookDelivery[] = []
  #inflight = new Set<Promise<void>>()
  #stopping = new AbortController()

  constructor(options: WebhookOptions | undefined, now: () => number) {
    this.#now = now
    this.configure(options)
  }

  /** Point deliveries elsewhere (or nowhere: undefined); deliveries in flight keep their target. */
  configure(options: WebhookOptions | undefined): void {
    if (!options) {
      this.#options = undefined
      return
    }
    if (typeof options.secret !== 'string' || options.secret === '' || !URL.canParse(options.url)) {
      throw new Error('webhook needs an http(s) url and a non-empty secret.')
    }
    this.#options = {
      url: options.url,
      secret: options.secret,
      retries: options.retries ?? 2,
      retryDelayMs: options.retryDelayMs ?? 250,
      timeoutMs: options.timeoutMs ?? 5000,
    }
  }

  send(type: string, data: unknown, request?: unknown): void {
    const options = this.#options
    if (!options || this.#stopping.signal.aborted) return
    const id = randomUUID()
    const event: WebhookEvent = { id, type, created_at: new Date(this.#now()).toISOString(), data }
    if (request !== undefined) event.request = request
    const delivery: WebhookDelivery = { id, type, status: 'pending', attempts: 0 }
    this.#deliveries.push(delivery)
    if (this.#deliveries.length > MAX_KEPT) this.#deliveries.shift()
    const run = this.#deliver(JSON.stringify(event), delivery, options).finally(() =>
      this.#inflight.delete(run),
    )
    this.#inflight.add(run)
  }

  deliveries(): WebhookDelivery[] {
    return this.#deliveries.map((delivery) => ({ ...delivery }))
  }

  /** Resolves once every delivery started so far has succeeded or given up. */
  async settled(): Promise<void> {
    while (this.#inflight.size > 0) await Promise.allSettled([...this.#inflight])
  }

  /** Abort what is in flight (stop()). */
  async close(): Promise<void> {
    this.#stopping.abort()
    await this.settled()
  }

  async #deliver(body: string, delivery: WebhookDelivery, options: Required<WebhookOptions>): Promise<void> {
    for (let attempt = 0; attempt <= options.retries; attempt++) {
      if (attempt > 0) {
        const waited = await sleep(options.retryDelayMs * 2 ** (attempt - 1), true, {
          signal: this.#stopping.signal,
        }).catch(() => false)
        if (!waited) break
      }
      delivery.attempts++
      if (await this.#attempt(body, delivery, options)) {
        delivery.status = 'delivered'
        return
      }
    }
    delivery.status = 'failed'
  }

  async #attempt(
    body: string,
    delivery: WebhookDelivery,
    options: Required<WebhookOptions>,
  ): Promise<boolean> {
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'upkit-imagekit-emulator',
      ...signWebhook(options.secret, delivery.id, body, this.#now()),
    }
    const signal = AbortSignal.any([this.#stopping.signal, AbortSignal.timeout(options.timeoutMs)])
    try {
      const response = await fetch(options.url, { method: 'POST', headers, body, signal })
      await response.arrayBuffer().catch(() => undefined)
      delivery.lastStatus = response.status
      return response.ok
    } catch (error) {
      delivery.lastError = error instanceof Error ? error.message : String(error)
      return false
    }
  }
}
