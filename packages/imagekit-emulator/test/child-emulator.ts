import { type ChildProcess, spawn } from 'node:child_process'
import { type ClientRequest, request } from 'node:http'
import { fileURLToPath } from 'node:url'
import type { CompactionOptions } from '../src/index.js'
import { type Answer, basic, form, post } from './helpers.js'

const script = fileURLToPath(new URL('./emulator-process.ts', import.meta.url))

/** An emulator in its own process, so a test can kill it with SIGKILL like a crash. */
export interface ChildEmulator {
  uploadUrl: string
  authorization: string
  process: ChildProcess
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>
}

export function spawnEmulator(dataDir: string, compaction?: CompactionOptions): Promise<ChildEmulator> {
  const args = ['--import', 'tsx', script, dataDir, ...(compaction ? [JSON.stringify(compaction)] : [])]
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] })
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  let output = ''
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`emulator process exited with ${code}: ${output}`)))
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (!output.includes('\n')) return
      const ready = JSON.parse(output) as { uploadUrl: string; privateKey: string }
      resolve({
        uploadUrl: ready.uploadUrl,
        authorization: basic(ready.privateKey),
        process: child,
        kill: () => {
          child.kill('SIGKILL')
          return exited
        },
      })
    })
  })
}

/** A server-side upload of `bytes` to the fixed path `/<fileName>` (so its bytes are known by name). */
export function uploadTo(
  child: ChildEmulator,
  fileName: string,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<Answer> {
  const data = form({ file: new Blob([bytes]), fileName, useUniqueFileName: 'false' })
  return post(child.uploadUrl, data, { Authorization: child.authorization })
}

/** Start a multipart upload, send its first `bytes` file bytes and stop there (left open, never ended). */
export function startPartialUpload(child: ChildEmulator, fileName: string, bytes: number): ClientRequest {
  const boundary = 'upkit-partial'
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="fileName"\r\n\r\n${fileName}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n\r\n`
  const req = request(child.uploadUrl, {
    method: 'POST',
    headers: {
      Authorization: child.authorization,
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
      'Content-Length': String(head.length + 10 * bytes),
    },
  })
  req.on('error', () => undefined)
  req.write(head)
  req.write(Buffer.alloc(bytes, 0x78))
  return req
}
