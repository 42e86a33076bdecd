import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Emulator, type EmulatorOptions, startEmulator } from '@upkit/imagekit-emulator'
import type { AuthHandler } from '../../src/index.js'
import { guardSecret, postJson, receive } from '../support.js'

export interface TestImageKit {
  emu: Emulator
  /** The emulator's clock (ms): move it by hand. */
  clock: { now: number }
  stop(): Promise<void>
}

/** A real emulator on port 0 with a temp data dir and a clock the test moves. */
export async function startImageKit(options: EmulatorOptions = {}): Promise<TestImageKit> {
  const dataDir = mkdtempSync(join(tmpdir(), 'upkit-auth-emu-'))
  const clock = { now: Date.now() }
  const emu = await startEmulator({ port: 0, now: () => clock.now, ...options, dataDir })
  for (const key of emu.keys) guardSecret(key.privateKey)
  return {
    emu,
    clock,
    stop: async () => {
      await emu.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export interface Uploaded {
  fileId: string
  filePath: string
  name: string
}

/** What a browser does: ask the route for a signature (POST), then upload straight to ImageKit with it. */
export async function uploadThrough(
  sign: AuthHandler,
  emu: Emulator,
  file: { fileName: string; folder?: string; as?: string },
): Promise<Uploaded> {
  const description =
    file.folder === undefined ? { fileName: file.fileName } : { fileName: file.fileName, folder: file.folder }
  const signed = await receive(await sign(postJson(description, { 'x-user': file.as ?? '7' })))
  if (signed.status !== 200) throw new Error(`signing failed: ${signed.text}`)
  const form = new FormData()
  form.append('file', new Blob(['hello, imagekit']), file.fileName)
  form.append('fileName', file.fileName)
  form.append('useUniqueFileName', 'false')
  const folder = signed.json.params?.folder ?? file.folder
  if (folder !== undefined) form.append('folder', folder)
  for (const field of ['publicKey', 'signature', 'expire', 'token'])
    form.append(field, String(signed.json[field]))
  const uploaded = await fetch(emu.uploadUrl, { method: 'POST', body: form })
  const body = (await uploaded.json()) as Uploaded
  if (uploaded.status !== 200) throw new Error(`upload failed: ${JSON.stringify(body)}`)
  return body
}

/** `{ action, fileId }` as the browser engine posts it, as user `as`. */
export const action = (name: string, fileId: string, as = '7', extra: Record<string, unknown> = {}) =>
  postJson({ action: name, fileId, ...extra }, { 'x-user': as })
