import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { parseRateLimitSpecs } from '../src/rate-limit-spec.js'
import { startWebhookReceiver, type WebhookReceiver } from '../src/webhook-receiver.js'
import { basic, png } from './helpers.js'

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
let child: ChildProcess | undefined
let receiver: WebhookReceiver | undefined
let dir = ''
afterEach(async () => {
  const running = child
  if (running && running.exitCode === null) {
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGTERM')
    await exited
  }
  await receiver?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
  child = undefined
  receiver = undefined
  dir = ''
})

/** Start the CLI on a free port; its URL and private key, read from what it prints. */
function startCli(args: string[]): Promise<{ url: string; privateKey: string }> {
  dir = mkdtempSync(join(tmpdir(), 'upkit-cli-'))
  const started = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--data-dir', dir, ...args])
  child = started
  let output = ''
  return new Promise((resolve, reject) => {
    started.once('exit', (code) => reject(new Error(`the CLI exited with ${code}: ${output}`)))
    started.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1]
      const privateKey = /IMAGEKIT_PRIVATE_KEY=(\S+)/.exec(output)?.[1]
      if (url && privateKey) resolve({ url, privateKey })
    })
  })
}

describe('CLI flags for the media API', () => {
  it('parses --rate-limit values', () => {
    expect(parseRateLimitSpecs([])).toBeUndefined()
    expect(parseRateLimitSpecs(['off'])).toBe(false)
    expect(parseRateLimitSpecs(['100/1s,1000/15m', 'getDetails=10/500ms', 'listFiles='])).toEqual({
      default: [
        { limit: 100, intervalMs: 1000 },
        { limit: 1000, intervalMs: 900_000 },
      ],
      getDetails: [{ limit: 10, intervalMs: 500 }],
      listFiles: [],
    })
    expect(() => parseRateLimitSpecs(['fast'])).toThrow(/LIMIT\/INTERVAL/)
  })

  it('--plan sets the upload limits: lite takes a 30 MB image (over the free plan’s 25 MB)', async () => {
    const { url, privateKey } = await startCli(['--plan', 'lite'])
    const image = new Uint8Array(30 * 1024 * 1024)
    image.set(new Uint8Array(await (await png(8, 8)).arrayBuffer()))
    const body = new FormData()
    body.append('file', new Blob([image]), 'big.png')
    body.append('fileName', 'big.png')
    const headers = { Authorization: basic(privateKey) }
    const upload = await fetch(`${url}/api/v1/files/upload`, { method: 'POST', body, headers })
    expect(upload.status).toBe(200)
  }, 20_000)

  it('--rate-limit and --webhook-url / --webhook-secret reach the running emulator', async () => {
    receiver = await startWebhookReceiver()
    const secret = 'whsec_cli'
    const args = ['--rate-limit', 'listFiles=1/1m', '--webhook-url', receiver.url, '--webhook-secret', secret]
    const { url, privateKey } = await startCli(args)
    const list = () => fetch(`${url}/v1/files`, { headers: { Authorization: basic(privateKey) } })
    expect((await list()).status).toBe(200)
    const limited = await list()
    expect(limited.status).toBe(429)
    expect(limited.headers.get('x-ratelimit-interval')).toBe('60000')
    const body = new FormData()
    body.append('file', new Blob(['cli']), 'cli.txt')
    body.append('fileName', 'cli.txt')
    const upload = await fetch(`${url}/api/v1/files/upload`, {
      method: 'POST',
      body,
      headers: { Authorization: basic(privateKey) },
    })
    expect(upload.status).toBe(200)
    expect((await receiver.next('file.created')).headers['webhook-signature']).toMatch(/^v1,/)
  }, 20_000)
})
