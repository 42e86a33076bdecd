import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { type Emulator, type EmulatorOptions, signV1, startEmulator } from '../src/index.js'

export const HELP = 'For support kindly contact us at support@imagekit.io .'

export interface Harness {
  emu: Emulator
  dir: string
  clock: { now: number }
}

/** Start an emulator on port 0 with a temp data dir and an injectable clock. */
export async function harness(options: EmulatorOptions = {}): Promise<Harness> {
  const dir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'upkit-emu-'))
  const clock = { now: Date.now() }
  const emu = await startEmulator({ now: () => clock.now, ...options, dataDir: dir })
  return { emu, dir, clock }
}

export async function stopHarness(h: Harness | undefined): Promise<void> {
  if (!h) return
  await h.emu.stop()
  rmSync(h.dir, { recursive: true, force: true })
}

export interface SignedParams {
  publicKey: string
  token: string
  expire: string
  signature: string
}

export function signed(h: Harness, overrides: Partial<SignedParams> = {}, privateKey?: string): SignedParams {
  const key = h.emu.keys.primary
  const token = overrides.token ?? randomUUID()
  const expire = overrides.expire ?? String(Math.floor(h.clock.now / 1000) + 1800)
  return {
    publicKey: overrides.publicKey ?? key.publicKey,
    token,
    expire,
    signature: overrides.signature ?? signV1(privateKey ?? key.privateKey, token, expire),
  }
}

export type FieldValue = string | Blob

/** A FormData with `file` (a Blob) and the other fields, in the given order. */
export function form(fields: Record<string, FieldValue | undefined>): FormData {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue
    if (typeof value === 'string') data.append(name, value)
    else data.append(name, value, name === 'file' ? (fields.fileName as string | undefined) : undefined)
  }
  return data
}

export interface Answer {
  status: number
  headers: Headers
  body: Record<string, unknown>
}

export async function post(
  url: string,
  body: FormData,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', body, headers })
  const text = await response.text()
  let parsed: Record<string, unknown>
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = { raw: text }
  }
  return { status: response.status, headers: response.headers, body: parsed }
}

/** A client-side v1 upload of `file` as `fileName` with a fresh signature. */
export function uploadV1(
  h: Harness,
  fields: Record<string, FieldValue | undefined> = {},
  auth: Partial<SignedParams> = {},
): Promise<Answer> {
  const data = form({
    file: new Blob(['hello world']),
    fileName: 'hello.txt',
    ...signed(h, auth),
    ...fields,
  })
  return post(h.emu.uploadUrl, data)
}

export function basic(privateKey: string): string {
  return `Basic ${Buffer.from(`${privateKey}:`).toString('base64')}`
}

export async function png(width: number, height: number): Promise<Blob> {
  const buffer = await sharp({ create: { width, height, channels: 3, background: '#c33' } })
    .png()
    .toBuffer()
  return new Blob([new Uint8Array(buffer)], { type: 'image/png' })
}

export interface RawAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Send raw bytes with node:http (for malformed bodies). */
export function rawPost(
  url: string,
  headers: Record<string, string>,
  body: Buffer | string,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        text += chunk
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** Poll until `check` passes (for effects that land just after a response or a cut). */
export async function eventually(check: () => boolean | Promise<boolean>, tries = 100): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error('condition never became true')
}
