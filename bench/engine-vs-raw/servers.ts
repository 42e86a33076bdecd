// The loopback stack: the emulator (temp data dir), a real signing route (GET and POST, counted) and
// the page server. Like bench/upload-vs-sdk/servers.ts, with this benchmark's page and a request count.
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
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
/**
 * Where the emulator's temp data dir goes: a tmpfs when there is one, so its per-file fsync (durable
 * writes) costs nothing and the emulator's disk does not dominate what is compared here.
 */
export const DATA_ROOT = process.env.BENCH_DATA_ROOT ?? (existsSync('/dev/shm') ? '/dev/shm' : tmpdir())
export const IIFE_PATH = process.env.BENCH_IIFE ?? join(root, 'packages/uploader-core/dist/upkit.iife.js')

/** Signing requests the route answered, by method (OPTIONS = CORS preflights of the POST route). */
export interface RouteCounts {
  GET: number
  POST: number
  OPTIONS: number
  /** Files signed by POST requests (a `{ files: [...] }` batch counts its entries). */
  postFiles: number
}

export interface Stack {
  emu: Emulator
  pageUrl: string
  routeUrl: string
  routeOrigin: RouteOrigin
  publicKey: string
  /** The Upkit `<script>` build the page serves: size, mtime and a short hash, for the record. */
  iife: { bytes: number; mtime: string; sha: string }
  routeCounts(): RouteCounts
  resetRouteCounts(): void
  stop(): Promise<void>
}

function listen(listener: RequestListener): Promise<{ server: Server; url: string }> {
  const server = createServer(listener)
  server.keepAliveTimeout = 30_000
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

/** Read once into memory at start: a rebuild of dist/ by someone else meanwhile cannot break a run. */
function pageAssets(): Map<string, { type: string; body: Buffer | string }> {
  const require = createRequire(import.meta.url)
  const sdkDir = dirname(require.resolve('@imagekit/javascript/package.json'))
  const js = 'text/javascript; charset=utf-8'
  const html = `<!doctype html><meta charset="utf-8"><title>engine-vs-raw</title>
<script src="/upkit.iife.js"></script>
<script type="module" src="/page.js"></script>`
  return new Map([
    ['/', { type: 'text/html; charset=utf-8', body: html }],
    ['/upkit.iife.js', { type: js, body: readFileSync(IIFE_PATH) }],
    ['/imagekit.esm.js', { type: js, body: readFileSync(join(sdkDir, 'dist/imagekit.esm.js')) }],
    ['/page.js', { type: js, body: readFileSync(join(here, 'page.js')) }],
  ])
}

/**
 * `same-origin` (default): the page server also answers the signing route, as an app usually does;
 * `cross-origin`: the route listens on its own port, so the page's POSTs to it need CORS preflights.
 */
export type RouteOrigin = 'same-origin' | 'cross-origin'

export async function startStack(
  maxFileSize: number,
  routeOrigin: RouteOrigin = 'same-origin',
): Promise<Stack> {
  if (!existsSync(IIFE_PATH)) throw new Error(`${IIFE_PATH} is missing (build @upkit/uploader-core first)`)
  const assets = pageAssets()
  const iifeBody = assets.get('/upkit.iife.js')?.body as Buffer
  const iife = {
    bytes: iifeBody.length,
    mtime: statSync(IIFE_PATH).mtime.toISOString(),
    sha: createHash('sha256').update(iifeBody).digest('hex').slice(0, 12),
  }
  const dataDir = mkdtempSync(join(DATA_ROOT, 'upkit-bench-engine-'))
  const started: Array<() => Promise<void>> = [async () => rmSync(dataDir, { recursive: true, force: true })]
  const stop = async () => {
    for (const fn of started.reverse()) await fn().catch((error) => console.error('stop:', error))
  }
  try {
    const emu = await startEmulator({ port: 0, dataDir, maxFileSize })
    started.push(() => emu.stop())
    const ROUTE_PATH = '/api/imagekit/auth'
    let counted: RequestListener = (_req, res) => void res.writeHead(503).end()
    const page = await listen((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname
      if (path === ROUTE_PATH && routeOrigin === 'same-origin') return counted(req, res)
      if (path === '/favicon.ico') return void res.writeHead(204).end()
      const asset = assets.get(path)
      res.writeHead(asset ? 200 : 404, {
        'content-type': asset?.type ?? 'text/plain',
        'cache-control': 'no-store',
      })
      res.end(asset?.body ?? 'not found')
    })
    started.push(() => close(page.server))
    const { publicKey, privateKey } = emu.keys.primary
    const signing = createNodeListener({
      publicKey,
      privateKey,
      allowAnonymous: true,
      cors: { origins: [page.url] },
      rateLimit: false, // thousands of signatures a minute
      ...(process.env.BENCH_ROUTE_MAX_FILES
        ? { policy: { maxFiles: Number(process.env.BENCH_ROUTE_MAX_FILES) } }
        : {}),
      logger: { warn: () => {}, error: (...args: unknown[]) => console.error('route:', ...args) },
    })
    const counts: RouteCounts = { GET: 0, POST: 0, OPTIONS: 0, postFiles: 0 }
    counted = (req, res) => {
      const method = req.method as keyof RouteCounts
      if (method === 'GET' || method === 'POST' || method === 'OPTIONS') counts[method]++
      if (method === 'POST') {
        // count the signed files from the answer (the request body belongs to the listener)
        const end = res.end.bind(res) as (...args: unknown[]) => typeof res
        res.end = ((...args: unknown[]) => {
          const body = args[0]
          if (typeof body === 'string' || Buffer.isBuffer(body)) {
            try {
              const parsed = JSON.parse(String(body)) as { files?: unknown[] }
              counts.postFiles += Array.isArray(parsed.files) ? parsed.files.length : 1
            } catch {}
          }
          return end(...args)
        }) as typeof res.end
      }
      signing(req, res)
    }
    let routeUrl = `${page.url}${ROUTE_PATH}`
    if (routeOrigin === 'cross-origin') {
      const route = await listen(counted)
      started.push(() => close(route.server))
      routeUrl = `${route.url}${ROUTE_PATH}`
    }
    return {
      emu,
      pageUrl: `${page.url}/`,
      routeUrl,
      routeOrigin,
      publicKey,
      iife,
      routeCounts: () => ({ ...counts }),
      resetRouteCounts: () => Object.assign(counts, { GET: 0, POST: 0, OPTIONS: 0, postFiles: 0 }),
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}
