import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SignJWT } from 'jose'
import { type EmulatorOptions, type KeyPair, signV1 } from '../../src/index.js'
import type { messages } from '../../src/messages.js'
import {
  type Answer,
  basic,
  type FieldValue,
  form,
  type Harness,
  post,
  type SignedParams,
  signed,
  uploadV1,
} from '../helpers.js'

export type MessageKey = keyof typeof messages

/** One real HTTP request that makes the emulator answer one message of messages.ts. */
export interface MessageCase {
  status: number
  /** The exact text: the messages.ts entry (called with what this request leads to). */
  message: string
  /** Whether the answer carries `help` (the 202 carries only `message`, OAS upload 202). @default true */
  help?: boolean
  /** Options of the emulator the request goes to. @default none */
  options?: EmulatorOptions
  send(h: Harness): Promise<Answer>
}

export type MessageCases = { [K in MessageKey]?: MessageCase }

/** An `expire` that many seconds after the harness clock. */
export const expireIn = (h: Harness, seconds: number): string =>
  String(Math.floor(h.clock.now / 1000) + seconds)

/** V1 client-side auth fields signed by `key` (whichever pair, not just the primary one). */
export function signedBy(key: KeyPair, expire: string): SignedParams {
  const token = randomUUID()
  return { publicKey: key.publicKey, token, expire, signature: signV1(key.privateKey, token, expire) }
}

/** A fileId ImageKit could have issued (24 hex digits) that no file has. */
export const UNKNOWN_ID = 'aaaaaaaaaaaaaaaaaaaaaaaa'

interface ApiOptions {
  /** A JSON body, or a string sent as it is. */
  body?: unknown
  /** @default the primary key's */
  privateKey?: string
}

/** One media API request (`/v1/files…`) with Basic auth, as @imagekit/nodejs sends it. */
export async function api(
  h: Harness,
  method: string,
  path: string,
  options: ApiOptions = {},
): Promise<Answer> {
  const { body, privateKey = h.emu.keys.primary.privateKey } = options
  const headers: Record<string, string> = { Authorization: basic(privateKey) }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const init: RequestInit = { method, headers }
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body)
  const response = await fetch(`${h.emu.url}${path}`, init)
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} }
}

/** The fileId of a fresh upload of hello.txt. */
export async function uploadedId(h: Harness): Promise<string> {
  const answer = await uploadV1(h)
  if (answer.status !== 200) throw new Error(`setup upload failed: ${JSON.stringify(answer.body)}`)
  return String(answer.body.fileId)
}

/** A v2 upload: the file plus the given fields (a token among them, or not). */
export function uploadV2(
  h: Harness,
  fields: Record<string, FieldValue | undefined>,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return post(h.emu.uploadUrlV2, form({ file: new Blob(['v2 data']), ...fields }), headers)
}

/** An HS256 JWT of the primary key binding `payload` (ImageKit's V2 token), valid from the harness clock. */
export function jwt(
  h: Harness,
  payload: Record<string, string>,
  lifetimeS = 1800,
  ageS = 0,
): Promise<string> {
  const key = h.emu.keys.primary
  const iat = Math.floor(h.clock.now / 1000) - ageS
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: key.publicKey })
    .setIssuedAt(iat)
    .setExpirationTime(iat + lifetimeS)
    .sign(new TextEncoder().encode(key.privateKey))
}

/** A signed v1 upload form with parts appended past what one request may carry (a second file, many fields). */
export function signedFormWith(h: Harness, extra: [string, FieldValue][]): FormData {
  const data = form({ file: new Blob(['hello world']), fileName: 'hello.txt', ...signed(h) })
  for (const [name, value] of extra) {
    if (typeof value === 'string') data.append(name, value)
    else data.append(name, value, 'second.txt')
  }
  return data
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))
  })
}

/** A local port nothing listens on (it was free a moment ago), for a download that cannot connect. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  const url = await listen(server)
  await new Promise((done) => server.close(done))
  return Number(new URL(url).port)
}

/** Runs `use` with the URL of a server that takes requests and never answers them. */
export async function withSilentServer<T>(use: (url: string) => Promise<T>): Promise<T> {
  const server = createServer(() => undefined)
  const url = await listen(server)
  try {
    return await use(url)
  } finally {
    server.closeAllConnections()
    await new Promise((done) => server.close(done))
  }
}
