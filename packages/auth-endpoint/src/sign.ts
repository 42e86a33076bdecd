import { perKey } from './key-cache.js'

/** A keyed HMAC: lowercase hex of the MAC of `data` (UTF-8). */
export type Hmac = (data: string) => Promise<string>

type Hash = 'SHA-1' | 'SHA-256'

/** The slice of `node:crypto` used here. */
interface NodeCrypto {
  createHmac(
    algorithm: string,
    key: object,
  ): { update(data: string, encoding: 'utf8'): { digest(encoding: 'hex'): string } }
  createSecretKey(key: Uint8Array): object
}

const encoder = new TextEncoder()
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))

function toHex(buffer: ArrayBuffer): string {
  let hex = ''
  for (const byte of new Uint8Array(buffer)) hex += HEX[byte]
  return hex
}

let nodeCrypto: NodeCrypto | null | undefined

/**
 * `node:crypto` where the runtime has it (Node ≥ 20.16, Bun, Deno), found through `process.getBuiltinModule`
 * so that no bundler sees an import; `null` elsewhere (edge runtimes, workers), which then use WebCrypto.
 */
function findNodeCrypto(): NodeCrypto | null {
  if (nodeCrypto !== undefined) return nodeCrypto
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
  let found: Partial<NodeCrypto> | undefined
  try {
    found = proc?.getBuiltinModule?.('node:crypto') as Partial<NodeCrypto> | undefined
  } catch {
    found = undefined
  }
  const usable = typeof found?.createHmac === 'function' && typeof found.createSecretKey === 'function'
  nodeCrypto = usable ? (found as NodeCrypto) : null
  return nodeCrypto
}

/** WebCrypto HMAC with the key imported once, on first use. Runs on Node, edge runtimes and workers alike. */
export function webCryptoHmac(hash: Hash, privateKey: string): Hmac {
  let key: Promise<CryptoKey> | undefined
  return async (data) => {
    key ??= globalThis.crypto.subtle.importKey(
      'raw',
      encoder.encode(privateKey),
      { name: 'HMAC', hash },
      false,
      ['sign'],
    )
    try {
      return toHex(await globalThis.crypto.subtle.sign('HMAC', await key, encoder.encode(data)))
    } catch (error) {
      key = undefined // a failed import is tried again next time
      throw error
    }
  }
}

/** `node:crypto` HMAC over a key object made once: synchronous, without WebCrypto's thread-pool round trip. */
function nodeHmac(crypto: NodeCrypto, hash: Hash, privateKey: string): Hmac {
  const algorithm = hash === 'SHA-1' ? 'sha1' : 'sha256'
  const key = crypto.createSecretKey(encoder.encode(privateKey))
  return async (data) => crypto.createHmac(algorithm, key).update(data, 'utf8').digest('hex')
}

const signerFor = perKey((privateKey): Hmac => {
  const crypto = findNodeCrypto()
  return crypto === null ? webCryptoHmac('SHA-1', privateKey) : nodeHmac(crypto, 'SHA-1', privateKey)
})

/**
 * ImageKit's V1 upload signature: lowercase hex HMAC-SHA1 of `token + expire`, keyed with the private key.
 * The key is prepared once per private key. Uses `node:crypto` where the runtime has it, else WebCrypto,
 * so it runs on Node, edge runtimes and workers alike.
 * @example await createSignature('private_key_test', 'your_token', 1582269249) // 'e71bcd60…'
 */
export async function createSignature(
  privateKey: string,
  token: string,
  expire: number | string,
): Promise<string> {
  return signerFor(privateKey)(`${token}${String(expire)}`)
}

/** A fresh single-use upload token: a UUID v4 from the platform's CSPRNG. */
export function createToken(): string {
  return globalThis.crypto.randomUUID()
}
