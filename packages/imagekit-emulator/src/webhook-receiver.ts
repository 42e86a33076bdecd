import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedWebhook {
  /** Lower-cased header names, as `webhooks.unwrap(body, { headers })` takes them. */
  headers: Record<string, string>
  /** The raw body, byte for byte (what the signature covers). */
  body: string
  event: { id: string; type: string; created_at: string; data: Record<string, unknown>; request?: unknown }
}

export interface WebhookReceiver {
  url: string
  /** Every request received so far, in order (failed ones too). */
  received: ReceivedWebhook[]
  /** The first request of this event type (or any) not returned by next() before; waits for one. */
  next(type?: string): Promise<ReceivedWebhook>
  close(): Promise<void>
}

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk)
  return Buffer.concat(chunks).toString('utf8')
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, String(value)]))
}

/**
 * A local HTTP endpoint that records the emulator's webhook requests, for tests:
 * `const hooks = await startWebhookReceiver(); startEmulator({ webhook: { url: hooks.url, secret } })`.
 * `status(n)` picks the answer to the n-th request (1-based; default 200), to exercise retries.
 */
export async function startWebhookReceiver(
  status: (n: number) => number = () => 200,
): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = []
  const taken = new Set<ReceivedWebhook>()
  const waiting: { type: string | undefined; resolve: (hook: ReceivedWebhook) => void }[] = []
  const matches = (hook: ReceivedWebhook, type: string | undefined) =>
    !taken.has(hook) && (type === undefined || hook.event.type === type)
  const take = (hook: ReceivedWebhook) => {
    taken.add(hook)
    return hook
  }
  const server = createServer(async (req, res) => {
    const body = await readAll(req)
    const hook: ReceivedWebhook = { headers: flatHeaders(req), body, event: JSON.parse(body || '{}') }
    received.push(hook)
    res.writeHead(status(received.length)).end()
    const waiter = waiting.find((candidate) => matches(hook, candidate.type))
    if (!waiter) return
    waiting.splice(waiting.indexOf(waiter), 1)
    waiter.resolve(take(hook))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    received,
    next: (type) => {
      const found = received.find((hook) => matches(hook, type))
      if (found) return Promise.resolve(take(found))
      return new Promise((resolve) => waiting.push({ type, resolve }))
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
