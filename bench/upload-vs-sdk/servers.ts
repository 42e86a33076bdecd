// The loopback stack the benchmark page talks to: the emulator, a real signing route and the page server.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type RequestListener, type Server } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createNodeListener } from '@upkit/auth-endpoint/node'
import { type Emulator, startEmulator } from '@upkit/imagekit-emulator'

const here = fileURLToPath(new URL('.', import.meta.url))
const root = fileURLToPath(new URL('../../', import.meta.url))
export const IIFE_PATH = join(root, 'packages/uploader-core/dist/upkit.iife.js')

export interface Stack {
  emu: Emulator
  /** Page origin + '/': the HTML that loads both uploaders. */
  pageUrl: string
  /** The signing route (GET → `{ token, expire, signature, publicKey }`). */
  routeUrl: string
  publicKey: string
  stop(): Promise<void>
}

function listen(listener: RequestListener): Promise<{ server: Server; url: string }> {
  const server = createServer(listener)
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({ server, url: `http://127.0.0.1:${port}` })
    })
  })
}

function close(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}

/** The files the page loads, read once into memory (a rebuild of dist/ meanwhile cannot break a run). */
function pageAssets(): Map<string, { type: string; body: Buffer | string }> {
  const require = createRequire(import.meta.url)
  const sdkDir = dirname(require.resolve('@imagekit/javascript/package.json'))
  const js = 'text/javascript; charset=utf-8'
  const html = `<!doctype html><meta charset="utf-8"><title>upload-vs-sdk</title>
<script src="/upkit.iife.js"></script>
<script type="module" src="/browser.js"></script>`
  return new Map([
    ['/', { type: 'text/html; charset=utf-8', body: html }],
    ['/upkit.iife.js', { type: js, body: readFileSync(IIFE_PATH) }],
    ['/imagekit.esm.js', { type: js, body: readFileSync(join(sdkDir, 'dist/imagekit.esm.js')) }],
    ['/browser.js', { type: js, body: readFileSync(join(here, 'browser.js')) }],
  ])
}

/** Start the emulator (temp data dir), the page server and the signing route, all on port 0. */
export async function startStack(): Promise<Stack> {
  if (!existsSync(IIFE_PATH)) throw new Error(`${IIFE_PATH} is missing (build @upkit/uploader-core first)`)
  const assets = pageAssets()
  const dataDir = mkdtempSync(join(tmpdir(), 'upkit-bench-sdk-'))
  const started: Array<() => Promise<void>> = [async () => rmSync(dataDir, { recursive: true, force: true })]
  const stop = async () => {
    for (const fn of started.reverse()) await fn().catch((error) => console.error('stop:', error))
  }
  try {
    const emu = await startEmulator({ port: 0, dataDir })
    started.push(() => emu.stop())
    const page = await listen((req, res) => {
      const asset = assets.get(new URL(req.url ?? '/', 'http://x').pathname)
      res.writeHead(asset ? 200 : 404, {
        'content-type': asset?.type ?? 'text/plain',
        'cache-control': 'no-store',
      })
      res.end(asset?.body ?? 'not found')
    })
    started.push(() => close(page.server))
    const { publicKey, privateKey } = emu.keys.primary
    const route = await listen(
      createNodeListener({
        publicKey,
        privateKey,
        allowAnonymous: true,
        cors: { origins: [page.url] },
        rateLimit: false, // 300-file batches, several times a minute
        logger: { warn: () => {}, error: (...args: unknown[]) => console.error('route:', ...args) },
      }),
    )
    started.push(() => close(route.server))
    return { emu, pageUrl: `${page.url}/`, routeUrl: `${route.url}/api/imagekit/auth`, publicKey, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
