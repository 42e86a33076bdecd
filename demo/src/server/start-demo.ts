import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator } from '@upkit/imagekit-emulator'
import express from 'express'
import { type DemoBackend, demoApi } from './demo-api.js'
import { DemoKeys, type Emulator } from './demo-keys.js'
import type { DemoOptions, ImageKitAccount } from './options.js'
import { createPages, demoDir, type Pages } from './pages.js'
import { portError } from './ports.js'
import { signingRoute } from './signing-route.js'
import { ensureWidgetBuilt, widgetAssets } from './widget-assets.js'

const IMAGEKIT_UPLOAD_URL = 'https://upload.imagekit.io/api/v1/files/upload'

export interface StartDemoExtras {
  /** Serve the Vite pages (default true; the server tests turn it off). */
  pages?: boolean
  /** Build the `<script>`-tag widget when missing (default true). */
  buildWidget?: boolean
  log?: (line: string) => void
}

export interface RunningDemo {
  url: string
  backend: DemoBackend
  emulator: Emulator | null
  dataDir: string
  close(): Promise<void>
}

function realBackend(account: ImageKitAccount): DemoBackend {
  const key = { publicKey: account.publicKey, privateKey: account.privateKey }
  return {
    mode: 'imagekit',
    activeKey: () => key,
    keyState: () => 'real-imagekit',
    uploadEndpoint: IMAGEKIT_UPLOAD_URL,
    urlEndpoint: account.urlEndpoint,
    emulatorUrl: null,
    keys: null,
  }
}

function emulatorBackend(emulator: Emulator): DemoBackend {
  const keys = new DemoKeys(emulator)
  return {
    mode: 'emulator',
    activeKey: () => keys.active,
    keyState: () => keys.state,
    uploadEndpoint: emulator.uploadUrl,
    urlEndpoint: emulator.urlEndpoint,
    emulatorUrl: emulator.url,
    keys,
  }
}

function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo
      resolve(`http://${host}:${address.port}`)
    })
  })
}

/** The routes, in order: demo API, signing route, widget files, plain pages, then Vite's pages. */
async function route(
  app: express.Express,
  server: Server,
  options: DemoOptions,
  extras: StartDemoExtras,
  backend: DemoBackend,
) {
  app.use('/api/demo', demoApi(backend))
  app.use('/api/imagekit/auth', signingRoute(backend.activeKey, backend.emulatorUrl ?? undefined))
  app.use(widgetAssets())
  // The pages' stylesheet for the plain /script.html too (Vite bundles it into the React pages).
  app.get('/demo.css', (_req, res) => {
    res.set('Cache-Control', 'no-cache').sendFile(join(demoDir, 'pages', 'src', 'demo.css'))
  })
  app.use(express.static(join(demoDir, 'static'), { extensions: ['html'] }))
  const pages = extras.pages === false ? null : await createPages(options.production, server)
  if (pages) app.use(pages.handler)
  return pages
}

/**
 * Starts the emulator (or not, with a real account), the signing route and the pages on one port.
 * The ports are taken first, before Vite or a widget build start: a taken one rejects with a
 * PortInUseError naming it (and its variable), with nothing left running.
 */
export async function startDemo(options: DemoOptions, extras: StartDemoExtras = {}): Promise<RunningDemo> {
  const app = express()
  app.disable('x-powered-by')
  const server = createServer(app)
  const url = await listen(server, options.port, options.host).catch((error: unknown) => {
    throw portError(error, options.port, 'UPKIT_DEMO_PORT')
  })
  const tempDir = options.dataDir === null ? mkdtempSync(join(tmpdir(), 'upkit-demo-')) : null
  const dataDir = options.dataDir ?? (tempDir as string)
  let emulator: Emulator | null = null
  let pages: Pages | null = null
  const close = async (): Promise<void> => {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await pages?.close()
    await emulator?.stop()
    if (tempDir) rmSync(tempDir, { recursive: true, force: true })
  }
  try {
    if (!options.imagekit) {
      // The demo shows ImageKit's request id next to errors; real ImageKit does not expose it to browsers.
      emulator = await startEmulator({
        port: options.emulatorPort,
        host: options.host,
        dataDir,
        exposeRequestId: true,
      }).catch((error: unknown) => {
        throw portError(error, options.emulatorPort, 'UPKIT_EMULATOR_PORT')
      })
    }
    const backend = options.imagekit ? realBackend(options.imagekit) : emulatorBackend(emulator as Emulator)
    if (extras.buildWidget ?? true) ensureWidgetBuilt(extras.log ?? (() => {}))
    pages = await route(app, server, options, extras, backend)
    return { url, backend, emulator, dataDir, close }
  } catch (error) {
    await close()
    throw error
  }
}
