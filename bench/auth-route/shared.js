// Names and keys shared by the benchmark's driver (run.ts, through tsx) and its servers (server.js, plain node).
export const PATH = '/api/imagekit/auth'
export const PUBLIC_KEY = 'public_BenchKey0123456789abcdefgh='
export const PRIVATE_KEY = 'private_BenchSecret0123456789abcd='
/** What every POST describes. */
export const POST_BODY = JSON.stringify({ fileName: 'cat.png', size: 123_456, type: 'image/png' })

/** a: Express 5 + the SDK helper (baseline); b: Express 5 + imagekitAuth; c: node:http + createNodeListener. */
export const KINDS = /** @type {const} */ (['sdk-express', 'upkit-express', 'upkit-node'])
