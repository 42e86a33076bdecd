import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type AuthHandlerOptions, createNodeListener } from '@upkit/auth-endpoint/node'
import { type Emulator, type EmulatorOptions, startEmulator } from '@upkit/imagekit-emulator'

/** jsdom's origin in the workspace's test setups: the signing route allows it through CORS. */
export const ORIGIN = 'http://localhost:3000'

export interface Servers {
  emulator: Emulator
  /** The signing route's address (`…/api/imagekit/auth`). */
  authUrl: string
  publicKey: string
  privateKey: string
  /** Closes both servers and removes the emulator's temp data dir. */
  stop(): Promise<void>
}

export interface ServersOptions {
  /** Emulator options (the data dir is always a fresh temp dir). */
  emulator?: Omit<EmulatorOptions, 'dataDir'>
  /** Signing route options over the test defaults (anonymous, no rate limit, silent, CORS for {@link ORIGIN}). */
  auth?: AuthHandlerOptions
}

/** Listens on port 0 of 127.0.0.1 and resolves with the server's base URL. */
function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))
  })
}

/** Closes a server, and the keep-alive connections jsdom's XHR leaves open. */
function close(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}

/** The emulator (temp data dir) and the signing route on node:http, both real servers on port 0. */
export async function startServers(options: ServersOptions = {}): Promise<Servers> {
  const dataDir = await mkdtemp(join(tmpdir(), 'upkit-test-'))
  // jsdom applies CORS: the engine's tests read ImageKit's request id, so the emulator exposes it
  // (ImageKit itself does not; pass `emulator: { exposeRequestId: false }` for that).
  const emulator = await startEmulator({ exposeRequestId: true, ...options.emulator, dataDir })
  const key = emulator.keys.list()[0]
  if (!key) throw new Error('the emulator has no key pair')
  const route = createServer(
    createNodeListener({
      publicKey: key.publicKey,
      privateKey: key.privateKey,
      allowAnonymous: true,
      // the tests run in jsdom, which defines window/document: the route's browser guard needs this
      dangerouslyAllowBrowser: true,
      cors: { origins: [ORIGIN] },
      rateLimit: false,
      logger: { warn: () => {}, error: () => {} },
      ...options.auth,
    }),
  )
  const authUrl = `${await listen(route)}/api/imagekit/auth`
  return {
    emulator,
    authUrl,
    publicKey: key.publicKey,
    privateKey: key.privateKey,
    async stop() {
      await close(route)
      await emulator.stop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/** A server that accepts connections and never answers (a hanging signing route). */
export async function startHangingServer(): Promise<{
  url: string
  hits: () => number
  stop(): Promise<void>
}> {
  let hits = 0
  const server = createServer(() => {
    hits++
  })
  const url = await listen(server)
  return { url, hits: () => hits, stop: () => close(server) }
}
