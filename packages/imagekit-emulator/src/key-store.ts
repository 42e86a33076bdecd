import { join } from 'node:path'
import { readJsonSync, writeFileAtomicSync } from './atomic-write.js'
import { randomKey } from './ids.js'
import { checkKeyInit, checkKeySet, checkRollExpiry, KeyRuleError } from './key-rules.js'
import type { KeyPair, KeyPairInit } from './types.js'

export interface KeyStoreInit {
  dataDir: string
  keys: KeyPairInit[] | undefined
  now: () => number
}

function toKeyPair(init: KeyPairInit): KeyPair {
  checkKeyInit(init)
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
 * the `keys` option are kept in memory only. Every refusal is a KeyRuleError with a `code`.
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
      checkKeySet(this)
      return
    }
    this.#file = join(init.dataDir, 'keys.json')
    const saved = readJsonSync(this.#file)
    if (Array.isArray(saved) && saved.length > 0) {
      // A hand-edited keys.json is held to the same rules as the option.
      for (const key of saved as KeyPairInit[]) this.push(toKeyPair(key))
      checkKeySet(this)
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
    const pair = toKeyPair(init)
    checkKeySet([...this, pair])
    this.push(pair)
    this.#save()
    return pair
  }

  /**
   * Roll a pair: a new pair with the same access now, the old one refused after `expiresInMs`,
   * which must be one of ROLL_EXPIRY_MS (default 0, "Immediately").
   */
  roll(publicKey: string, options: { expiresInMs?: number } = {}): KeyPair {
    const old = this.#known(publicKey)
    if (old.expiresAt !== undefined) {
      throw new KeyRuleError('ALREADY_ROLLED', `Key ${publicKey} has already been rolled.`)
    }
    const expiresInMs = options.expiresInMs ?? 0
    checkRollExpiry(expiresInMs)
    const pair = toKeyPair({ type: old.type, mediaAccess: old.mediaAccess })
    old.expiresAt = this.#now() + expiresInMs
    this.push(pair)
    this.#save()
    return pair
  }

  /** Delete a pair. The last active standard pair cannot be deleted. */
  remove(publicKey: string): void {
    const key = this.#known(publicKey)
    const standards = this.active().filter((k) => k.type === 'standard')
    if (standards.length === 1 && standards[0] === key) {
      throw new KeyRuleError(
        'LAST_STANDARD_KEY',
        'Your account must keep at least one active standard API key pair.',
      )
    }
    this.splice(this.indexOf(key), 1)
    this.#save()
  }

  #known(publicKey: string): KeyPair {
    const key = this.byPublicKey(publicKey)
    if (!key) throw new KeyRuleError('UNKNOWN_KEY', `Unknown public key ${publicKey}.`)
    return key
  }

  #save(): void {
    if (this.#file) writeFileAtomicSync(this.#file, `${JSON.stringify([...this], null, 2)}\n`)
  }
}
