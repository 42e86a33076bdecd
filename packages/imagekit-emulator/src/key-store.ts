import { join } from 'node:path'
import { readJsonSync, writeFileAtomicSync } from './atomic-write.js'
import { randomKey } from './ids.js'
import type { KeyPair, KeyPairInit } from './types.js'

export const MAX_ACTIVE_KEYS = 5

export interface KeyStoreInit {
  dataDir: string
  keys: KeyPairInit[] | undefined
  now: () => number
}

function toKeyPair(init: KeyPairInit): KeyPair {
  const type = init.type ?? 'standard'
  const pair: KeyPair = {
    publicKey: init.publicKey ?? randomKey('public'),
    privateKey: init.privateKey ?? randomKey('private'),
    type,
    mediaAccess: type === 'standard' ? 'readwrite' : (init.mediaAccess ?? 'readwrite'),
  }
  if (init.expiresAt !== undefined) pair.expiresAt = init.expiresAt
  return pair
}

/**
 * The account's API key pairs: an array of KeyPair (index it, iterate it) with ImageKit's rules:
 * at most five active pairs, at least one standard pair, rolled pairs that keep working until the
 * expiry chosen at roll time. Generated pairs are persisted in `dataDir/keys.json`; pairs passed as
 * the `keys` option are kept in memory only.
 */
export class KeyStore extends Array<KeyPair> {
  static get [Symbol.species](): ArrayConstructor {
    return Array
  }

  #file: string | undefined
  #now: () => number

  constructor(init: KeyStoreInit) {
    super()
    this.#now = init.now
    if (init.keys && init.keys.length > 0) {
      this.#file = undefined
      for (const key of init.keys) this.push(toKeyPair(key))
      return
    }
    this.#file = join(init.dataDir, 'keys.json')
    const saved = readJsonSync(this.#file)
    if (Array.isArray(saved) && saved.length > 0) {
      for (const key of saved as KeyPairInit[]) this.push(toKeyPair(key))
    } else {
      this.push(toKeyPair({}))
      this.#save()
    }
  }

  /** A copy of every pair (expired ones included). */
  list(): KeyPair[] {
    return [...this]
  }

  /** Pairs that are not expired and not scheduled to expire. */
  active(): KeyPair[] {
    return this.filter((key) => key.expiresAt === undefined)
  }

  /** The first active standard pair: what a demo or test signs with by default. */
  get primary(): KeyPair {
    const found = this.active().find((key) => key.type === 'standard') ?? this[0]
    if (!found) throw new Error('No key pairs')
    return found
  }

  isExpired(key: KeyPair): boolean {
    return key.expiresAt !== undefined && key.expiresAt <= this.#now()
  }

  byPublicKey(publicKey: string): KeyPair | undefined {
    return this.find((key) => key.publicKey === publicKey)
  }

  byPrivateKey(privateKey: string): KeyPair | undefined {
    return this.find((key) => key.privateKey === privateKey)
  }

  /** Add a pair (generated keys unless given). Refused when five pairs are already active. */
  add(init: KeyPairInit = {}): KeyPair {
    if (this.active().length >= MAX_ACTIVE_KEYS) {
      throw new Error(`You can only have ${MAX_ACTIVE_KEYS} active API key pairs at once.`)
    }
    const pair = toKeyPair(init)
    if (this.byPublicKey(pair.publicKey)) throw new Error(`Key ${pair.publicKey} already exists.`)
    this.push(pair)
    this.#save()
    return pair
  }

  /** Roll a pair: a new pair with the same access now, the old one refused after `expiresInMs`. */
  roll(publicKey: string, options: { expiresInMs?: number } = {}): KeyPair {
    const old = this.byPublicKey(publicKey)
    if (!old) throw new Error(`Unknown public key ${publicKey}.`)
    if (old.expiresAt !== undefined) throw new Error(`Key ${publicKey} has already been rolled.`)
    const pair = toKeyPair({ type: old.type, mediaAccess: old.mediaAccess })
    old.expiresAt = this.#now() + Math.max(0, options.expiresInMs ?? 0)
    this.push(pair)
    this.#save()
    return pair
  }

  /** Delete a pair. The last active standard pair cannot be deleted. */
  remove(publicKey: string): void {
    const index = this.findIndex((key) => key.publicKey === publicKey)
    const key = this[index]
    if (!key) throw new Error(`Unknown public key ${publicKey}.`)
    const standards = this.active().filter((k) => k.type === 'standard')
    if (standards.length === 1 && standards[0] === key) {
      throw new Error('Your account must keep at least one active standard API key pair.')
    }
    this.splice(index, 1)
    this.#save()
  }

  #save(): void {
    if (this.#file) writeFileAtomicSync(this.#file, `${JSON.stringify([...this], null, 2)}\n`)
  }
}
