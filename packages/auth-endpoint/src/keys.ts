import { AuthEndpointError } from './errors.js'
import type { PrivateKeyProvider } from './types.js'

/** The key pair, with the private key kept out of every answer and log line. */
export interface KeyRing {
  readonly publicKey: string
  /** The current private key (the provider is asked on every call). */
  privateKey(): Promise<string>
  /** `text` with every private key seen so far replaced by `[redacted]`. */
  redact(text: string): string
  /** True when `text` contains a private key seen so far. */
  leaks(text: string): boolean
}

const REMEMBERED_KEYS = 16
/** Shorter strings are too common to search answers for (real private keys are ~36 characters). */
const MIN_GUARDED_LENGTH = 8

function fromEnv(name: string): string | undefined {
  const value = typeof process === 'undefined' ? undefined : process.env?.[name]
  return value === undefined || value.trim() === '' ? undefined : value.trim()
}

function missing(what: string, option: string, variable: string): AuthEndpointError {
  return new AuthEndpointError(
    'INVALID_OPTIONS',
    `@upkit/auth-endpoint: no ImageKit ${what}. Set the ${variable} environment variable or pass the \`${option}\` option (find it in the ImageKit dashboard under Developer options).`,
  )
}

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : typeof error
}

function readKeys(options: KeyOptions): { publicKey: string; source: string | PrivateKeyProvider } {
  const publicKey = options.publicKey ?? fromEnv('IMAGEKIT_PUBLIC_KEY')
  if (typeof publicKey !== 'string' || publicKey === '')
    throw missing('public key', 'publicKey', 'IMAGEKIT_PUBLIC_KEY')
  const source = options.privateKey ?? fromEnv('IMAGEKIT_PRIVATE_KEY')
  if (source === undefined || source === '')
    throw missing('private key', 'privateKey', 'IMAGEKIT_PRIVATE_KEY')
  if (typeof source !== 'string' && typeof source !== 'function') {
    throw invalid('`privateKey` must be a string or a function returning one.')
  }
  if (source === publicKey)
    throw invalid('the private key equals the public key; check IMAGEKIT_PRIVATE_KEY.')
  return { publicKey, source }
}

function invalid(message: string): AuthEndpointError {
  return new AuthEndpointError('INVALID_OPTIONS', `@upkit/auth-endpoint: ${message}`)
}

async function ask(provider: PrivateKeyProvider): Promise<string> {
  let key: unknown
  try {
    key = await provider()
  } catch (error) {
    // The provider's own message may contain the key: only its kind is kept.
    throw new Error(`the private key provider failed (${nameOf(error)}); its message is withheld`)
  }
  if (typeof key !== 'string' || key === '') throw new Error('the private key provider returned no key')
  return key
}

interface KeyOptions {
  publicKey?: string | undefined
  privateKey?: string | PrivateKeyProvider | undefined
}

/** Reads and checks the key pair (throws `INVALID_OPTIONS` naming the env var to set). */
export function createKeyRing(options: KeyOptions): KeyRing {
  const { publicKey, source } = readKeys(options)
  const known = new Set<string>()
  const remember = (key: string): string => {
    if (key.length < MIN_GUARDED_LENGTH) return key
    known.delete(key)
    known.add(key)
    if (known.size > REMEMBERED_KEYS) known.delete(known.values().next().value as string)
    return key
  }
  if (typeof source === 'string') remember(source)

  return {
    publicKey,
    privateKey: async () => (typeof source === 'string' ? source : remember(await ask(source))),
    redact: (text) => [...known].reduce((result, key) => result.split(key).join('[redacted]'), text),
    leaks: (text) => {
      for (const key of known) if (text.includes(key)) return true
      return false
    },
  }
}
