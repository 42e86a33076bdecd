import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { CompactionOptions } from '@upkit/imagekit-emulator'

const root = fileURLToPath(new URL('../../', import.meta.url))
const script = fileURLToPath(new URL('./emulator-process.ts', import.meta.url))

export interface EmulatorChild {
  pid: number
  uploadUrl: string
  authorization: string
  stop(): Promise<void>
}

/** Start the emulator from its TypeScript source in its own process on a data dir; resolve once it listens. */
export function startEmulatorChild(dataDir: string, compaction?: CompactionOptions): Promise<EmulatorChild> {
  const args = ['--conditions=@upkit/source', '--import', 'tsx', script, dataDir]
  if (compaction) args.push(JSON.stringify(compaction))
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  let output = ''
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}\n${output}`)))
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (!output.includes('\n') || !child.pid) return
      const ready = JSON.parse(output) as { uploadUrl: string; privateKey: string }
      resolve({
        pid: child.pid,
        uploadUrl: ready.uploadUrl,
        authorization: `Basic ${Buffer.from(`${ready.privateKey}:`).toString('base64')}`,
        stop: () => {
          child.kill('SIGTERM')
          return exited
        },
      })
    })
  })
}
