import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type AuthHandlerOptions, createNodeListener } from '@upkit/auth-endpoint/node'
import { type Emulator, type EmulatorOptions, startEmulator } from '@upkit/imagekit-emulator'

export const ORIGIN = 'http://localhost:3000'

export interface Servers {
  emu: Emulator
  authUrl: string
  publicKey: string
  privateKey: string
  stop(): Promise<void>
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))
  })
}

export function close(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}

/** The emulator (temp data dir) and the signing route on node:http, both on port 0. */
export async function startServers(
  emulator: Omit<EmulatorOptions, 'dataDir'> = {},
  auth: AuthHandlerOptions = {},
): Promise<Servers> {
  const dataDir = await mkdtemp(join(tmpdir(), 'upkit-core-'))
  const emu = await startEmulator({ ...emulator, dataDir })
  const key = emu.keys.list()[0]!
  const server = createServer(
    createNodeListener({
      publicKey: key.publicKey,
      privateKey: key.privateKey,
      allowAnonymous: true,
      // the tests run in jsdom, which has a window: the route's browser guard needs this
      dangerouslyAllowBrowser: true,
      cors: { origins: [ORIGIN] },
      rateLimit: false,
      logger: { warn: () => {}, error: () => {} },
      ...auth,
    }),
  )
  const authUrl = `${await listen(server)}/api/imagekit/auth`
  return {
    emu,
    authUrl,
    publicKey: key.publicKey,
    privateKey: key.privateKey,
    async stop() {
      await close(server)
      await emu.stop()
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

/** Counts the XHRs the engine opens and how many are in flight at once. */
export function countingXhr() {
  const counter = { opened: 0, inFlight: 0, maxInFlight: 0 }
  const xhr = (): XMLHttpRequest => {
    const request = new XMLHttpRequest()
    const send = request.send.bind(request)
    request.send = (body) => {
      counter.opened++
      counter.inFlight++
      counter.maxInFlight = Math.max(counter.maxInFlight, counter.inFlight)
      request.addEventListener('loadend', () => counter.inFlight--)
      send(body)
    }
    return request
  }
  return { counter, xhr }
}
