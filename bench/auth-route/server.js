// One contender of the auth-route benchmark, in its own process: `node server.js <kind>` (started by run.ts).
// Plain JavaScript on plain node, so neither side pays for a TypeScript loader; Upkit comes from its dist/
// build (or from source when run with tsx and --conditions=@upkit/source, see BENCH_SOURCE).
// Listens on 127.0.0.1, port 0, and prints `listening <port>` once ready.
import { createServer } from 'node:http'
import { KINDS, PATH, PRIVATE_KEY, PUBLIC_KEY } from './shared.js'

/** The CORS origin every Upkit contender allows (requests come without Origin, as same-origin ones do). */
const ORIGIN = 'http://127.0.0.1:5173'
/** The limiter stays on (it is part of the route's cost) with a limit one load generator never reaches. */
const RATE_LIMIT = { limit: 1_000_000_000, intervalMs: 60_000 }

/** (a) What an ImageKit user writes today: Express 5 and the SDK's helper; POST behind express.json(). */
async function sdkExpress() {
  const { default: express } = await import('express')
  const { ImageKit } = await import('@imagekit/nodejs')
  const client = new ImageKit({ privateKey: PRIVATE_KEY })
  const app = express()
  const sign = (_req, res) => {
    const { token, expire, signature } = client.helper.getAuthenticationParameters()
    res.json({ token, expire, signature, publicKey: PUBLIC_KEY })
  }
  app.get(PATH, sign)
  app.post(PATH, express.json(), sign)
  return app
}

const upkitOptions = () => ({
  publicKey: PUBLIC_KEY,
  privateKey: PRIVATE_KEY,
  allowAnonymous: true,
  rateLimit: RATE_LIMIT,
  cors: { origins: [ORIGIN] },
  logger: { warn: () => {}, error: console.error },
})

/** (b) Express 5 with `imagekitAuth` mounted at the path (no express.json(): the adapter reads the body). */
async function upkitExpress() {
  const { default: express } = await import('express')
  const { imagekitAuth } = await import('@upkit/auth-endpoint/express')
  const app = express()
  app.use(PATH, imagekitAuth(upkitOptions()))
  return app
}

/** (c) node:http with `createNodeListener`. */
async function upkitNode() {
  const { createNodeListener } = await import('@upkit/auth-endpoint/node')
  return createNodeListener(upkitOptions())
}

const factories = { 'sdk-express': sdkExpress, 'upkit-express': upkitExpress, 'upkit-node': upkitNode }
const kind = process.argv[2]
if (!KINDS.includes(kind)) throw new Error(`usage: server.js <${KINDS.join('|')}>`)
const server = createServer(await factories[kind]())
server.keepAliveTimeout = 60_000
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`))
// A normal exit on a signal, so `node --cpu-prof` can write its profile.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(0))
