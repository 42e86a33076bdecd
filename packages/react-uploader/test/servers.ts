import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createNodeListener } from '@upkit/auth-endpoint/node'
import { startEmulator } from '@upkit/imagekit-emulator'

/** The emulator and the signing route as real servers on port 0, for jsdom (origin http://localhost:3000). */
export async function startServers() {
  const dataDir = await mkdtemp(join(tmpdir(), 'upkit-react-'))
  const emulator = await startEmulator({ dataDir })
  const key = emulator.keys.list()[0]
  if (!key) throw new Error('the emulator has no key pair')
  const route = createServer(
    createNodeListener({
      publicKey: key.publicKey,
      privateKey: key.privateKey,
      allowAnonymous: true,
      // jsdom defines window/document; this server runs in Node all the same.
      dangerouslyAllowBrowser: true,
      rateLimit: false,
      cors: { origins: ['http://localhost:3000'] },
      logger: { warn: () => {}, error: () => {} },
    }),
  )
  await new Promise<void>((resolve) => route.listen(0, '127.0.0.1', resolve))
  const { port } = route.address() as AddressInfo
  return {
    emulator,
    publicKey: key.publicKey,
    authUrl: `http://127.0.0.1:${port}/api/imagekit/auth`,
    async stop() {
      // jsdom's XHR keeps connections alive; close them so the servers can stop.
      const closed = new Promise<void>((resolve) => route.close(() => resolve()))
      route.closeAllConnections()
      await closed
      // Known emulator issue (reported): after a jsdom XHR is aborted during a `stall` fault, stop()
      // waits forever for that request. The server and its sockets are closed by then; don't hang on it.
      await Promise.race([emulator.stop(), new Promise((resolve) => setTimeout(resolve, 2000))])
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

export type Servers = Awaited<ReturnType<typeof startServers>>

/** A real 1×1 PNG. */
export function png(name: string): File {
  const bytes = Uint8Array.from(
    atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='),
    (c) => c.charCodeAt(0),
  )
  return new File([bytes], name, { type: 'image/png' })
}
