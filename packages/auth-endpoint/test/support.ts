import { vi } from 'vitest'
import { type AuthHandler, type AuthHandlerOptions, createAuthHandler } from '../src/index.js'

export const PUBLIC_KEY = 'public_TestKey0123456789='
export const PRIVATE_KEY = 'private_TestSecret_9f8e7d6c5b4a='
export const ROTATED_KEYS = ['private_RolledKeyOne_aaaa1111=', 'private_RolledKeyTwo_bbbb2222=']
/** A key that only ever appears inside a failing provider's error message. */
export const KEY_IN_ERROR = 'private_KeyInsideAnError_cccc3333='
const SECRETS = [PRIVATE_KEY, ...ROTATED_KEYS, KEY_IN_ERROR]

/** Adds a secret (an emulator's private key, a webhook secret) to what `expectNoKeyInAnything` looks for. */
export function guardSecret(secret: string): void {
  SECRETS.push(secret)
}

/** Every body, header and log line this test file received, checked for private keys at the end. */
const received: string[] = []

export interface Received {
  status: number
  headers: Headers
  text: string
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
  json: any
}

export async function receive(response: Response): Promise<Received> {
  const text = await response.text()
  received.push(text, ...[...response.headers].map(([name, value]) => `${name}: ${value}`))
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: response.status, headers: response.headers, text, json }
}

/** Asserts no private key appeared in anything this file received (run in `afterAll`). */
export function expectNoKeyInAnything(): void {
  if (received.length === 0) throw new Error('nothing was received')
  for (const text of received)
    for (const secret of SECRETS) if (text.includes(secret)) throw new Error(`leaked: ${text}`)
}

/** A logger that records its lines (they are checked for keys too). */
export function recordingLogger() {
  const lines: string[] = []
  const record = (...args: unknown[]) => {
    const line = args.map(String).join(' ')
    lines.push(line)
    received.push(line)
  }
  return { warn: vi.fn(record), error: vi.fn(record), lines }
}

/** A clock tests move by hand. */
export function fakeClock(start = Date.UTC(2026, 0, 1)) {
  let now = start
  return {
    now: () => now,
    advance(ms: number) {
      now += ms
    },
  }
}

/** A handler with the test key pair, an anonymous-friendly `authorize` and a quiet logger. */
export function handlerWith(options: AuthHandlerOptions = {}): AuthHandler {
  return createAuthHandler({
    publicKey: PUBLIC_KEY,
    privateKey: PRIVATE_KEY,
    authorize: () => 'user-1',
    logger: recordingLogger(),
    ...options,
  })
}

export const URL_BASE = 'http://localhost/api/imagekit/auth'

export function postJson(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(URL_BASE, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

export async function call(
  handler: AuthHandler,
  request: Request = new Request(URL_BASE),
): Promise<Received> {
  return receive(await handler(request))
}
