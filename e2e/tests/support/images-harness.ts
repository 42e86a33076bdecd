/**
 * Node side of images.spec.ts: bundles support/images-page.ts with Vite (minified, as an app's
 * production build would: the inline worker must survive renaming), serves it and the test files
 * from a local server that passes the demo's routes through, and reads what the emulator stored.
 */
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { expect, type Page, test } from '@playwright/test'
import type { StoredFile } from '@upkit/imagekit-emulator'
import { build, type Rollup } from 'vite'
import {
  exifSegment,
  exifTiff,
  photoJpeg,
  withSegments,
} from '../../../packages/uploader-core/test/images/fixtures.js'
import type { FileSpec, FileSummary, ImagesTestApi } from './images-page.js'

export type { FileSpec, FileSummary }

const core = (path: string) =>
  fileURLToPath(new URL(`../../../packages/uploader-core/${path}`, import.meta.url))

// sharp and exifr are dev dependencies of @upkit/uploader-core (its image tests make files with them)
const requireFromCore = createRequire(core('package.json'))
export const sharp = requireFromCore('sharp') as typeof import('sharp')['default']
export const exifr = requireFromCore('exifr') as typeof import('exifr')
export * from '../../../packages/uploader-core/test/images/fixtures.js'

const bundles = new Map<boolean, Promise<string>>()

/** The page's script, bundled once per worker process (`minify: false` is how the package's `dist` or Vite's dev server hand it over). */
export function pageBundle(minify = true): Promise<string> {
  let bundle = bundles.get(minify)
  if (!bundle) {
    bundle = bundlePage(minify)
    bundles.set(minify, bundle)
  }
  return bundle
}

async function bundlePage(minify: boolean): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    resolve: {
      alias: [
        { find: /^@upkit\/uploader-core\/images$/, replacement: core('src/images/index.ts') },
        { find: /^@upkit\/uploader-core$/, replacement: core('src/index.ts') },
      ],
    },
    build: {
      write: false,
      minify,
      target: 'es2022',
      rollupOptions: {
        input: fileURLToPath(new URL('./images-page.ts', import.meta.url)),
        output: { format: 'es', entryFileNames: 'page.js' },
      },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[]
  const chunk = [output].flat()[0]?.output.find((item) => item.type === 'chunk')
  if (chunk?.type !== 'chunk') throw new Error('vite build gave no chunk')
  return chunk.code
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>prepareImages</title>
<link rel="icon" href="data:,"></head><body><script type="module" src="/__images-test/page.js"></script></body></html>`

interface Served {
  script: string
  files: Map<string, Buffer>
}

let server: Promise<{ url: string; served: Served }> | undefined

/** Copies a request to the demo (its config and signing routes) with the demo's own origin, and its answer back. */
async function proxy(request: IncomingMessage, response: ServerResponse, demo: string): Promise<void> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string' && !/^(host|connection|content-length|origin|referer)$/i.test(name))
      headers.set(name, value)
  }
  headers.set('origin', new URL(demo).origin)
  const answer = await fetch(new URL(request.url ?? '/', demo), {
    method: request.method ?? 'GET',
    headers,
    ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
  })
  const body = Buffer.from(await answer.arrayBuffer())
  const type = answer.headers.get('content-type')
  response.writeHead(answer.status, type ? { 'content-type': type } : {})
  response.end(body)
}

/**
 * A tiny server on 127.0.0.1 for the test page (Chromium lets only a page from a local address
 * reach the emulator on loopback, so a Playwright-fulfilled page would be refused): the page, its
 * script and the test files under /__images-test/, everything else passed on to the demo.
 */
function startServer(demo: string): Promise<{ url: string; served: Served }> {
  const served: Served = { script: '', files: new Map() }
  const http = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname
    const send = (body: string | Buffer, type: string) =>
      response.writeHead(200, { 'content-type': type }).end(body)
    if (path === '/__images-test/index.html') {
      // ?csp: a policy that forbids workers, so prepareImages must fall back to the main thread
      const csp = new URL(request.url ?? '/', 'http://x').searchParams.has('csp')
      if (csp) response.setHeader('content-security-policy', "worker-src 'none'")
      return send(PAGE, 'text/html')
    }
    if (path === '/__images-test/page.js') return send(served.script, 'text/javascript')
    const file = path.startsWith('/__images-test/files/') ? served.files.get(path.slice(21)) : undefined
    if (file) return send(file, 'application/octet-stream')
    return proxy(request, response, demo).catch((error) => response.writeHead(502).end(String(error)))
  })
  return new Promise((resolve) => {
    http.listen(0, '127.0.0.1', () => {
      const { port } = http.address() as AddressInfo
      resolve({ url: `http://127.0.0.1:${port}`, served })
    })
    http.unref()
  })
}

export interface PageOptions {
  /** As for {@link pageBundle}. @default true */
  minify?: boolean
  /** Serve the page with `Content-Security-Policy: worker-src 'none'`. @default false */
  noWorkers?: boolean
}

/** Serves the test page and `files` and opens it. */
export async function openImagesPage(
  page: Page,
  files: Map<string, Buffer>,
  { minify = true, noWorkers = false }: PageOptions = {},
): Promise<void> {
  const demo = test.info().project.use.baseURL
  if (!demo) throw new Error('images.spec.ts needs the demo (baseURL in playwright.config.ts)')
  server ??= startServer(demo)
  const { url, served } = await server
  served.script = await pageBundle(minify)
  served.files = files
  await page.addInitScript(() => {
    // counts workers started and ended, so a test can see that a cancel ended the work
    const counts = { created: 0, terminated: 0 }
    const Native = window.Worker
    Object.assign(window, { workerCounts: counts })
    window.Worker = class extends Native {
      constructor(...args: ConstructorParameters<typeof Worker>) {
        super(...args)
        counts.created++
      }
      override terminate() {
        counts.terminated++
        super.terminate()
      }
    }
  })
  await page.goto(`${url}/__images-test/index.html${noWorkers ? '?csp' : ''}`)
  await expect.poll(() => page.evaluate(() => typeof window.imagesTest)).toBe('object')
}

/** Runs a function of `window.imagesTest` in the page. */
export function inPage<K extends keyof ImagesTestApi>(
  page: Page,
  name: K,
  ...args: Parameters<ImagesTestApi[K]>
): Promise<Awaited<ReturnType<ImagesTestApi[K]>>> {
  return page.evaluate(
    ([fn, rest]) => (window.imagesTest[fn as K] as (...a: unknown[]) => unknown)(...(rest as unknown[])),
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<ImagesTestApi[K]>>>
}

/** The bytes the emulator stored for the file uploaded as `name` (ImageKit adds a unique suffix to names). */
export async function storedBytes(files: StoredFile[], name: string): Promise<Buffer> {
  const stem = name.replace(/\.[^.]*$/, '')
  const file = files.find((f) => f.name.startsWith(`${stem}_`) || f.name === name)
  if (!file) throw new Error(`nothing stored for ${name}; stored: ${files.map((f) => f.name).join(', ')}`)
  return readFile(file.diskPath)
}

/** A phone photo: stored pixels `width` × `height`, EXIF Orientation and GPS, a red marker in the stored top-left. */
export async function phonePhoto(width: number, height: number, orientation = 6, seed = 1): Promise<Buffer> {
  const jpeg = await photoJpeg({ width, height, marker: true, seed })
  return withSegments(jpeg, exifSegment(exifTiff({ orientation })))
}

export const isRed = ([r, g, b]: number[]) => (r ?? 0) > 200 && (g ?? 255) < 60 && (b ?? 255) < 60

/** RGBA of one pixel of an image file. */
export async function pixel(bytes: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  const at = (y * info.width + x) * 4
  return [...data.subarray(at, at + 4)]
}
