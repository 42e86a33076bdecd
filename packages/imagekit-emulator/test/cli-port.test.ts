import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
let blocker: Server | undefined
let dir = ''

afterEach(() => {
  blocker?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Runs the CLI to its end: exit code and everything it printed. */
function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args])
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })))
}

describe('CLI start on a taken port', () => {
  it('prints one line naming the port and the flag, and exits 1', async () => {
    const server = createServer()
    blocker = server
    const port = await new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
    )
    dir = mkdtempSync(join(tmpdir(), 'upkit-cli-port-'))
    const result = await run(['--port', String(port), '--data-dir', dir])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(
      `upkit-emulator: port ${port} is in use (--port); stop the other process or pass --port <another port>\n`,
    )
  }, 20_000)
})
