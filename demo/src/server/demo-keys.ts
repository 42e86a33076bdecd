import type { startEmulator } from '@upkit/imagekit-emulator'

export type Emulator = Awaited<ReturnType<typeof startEmulator>>

export interface SigningKey {
  publicKey: string
  privateKey: string
}

/** What the fault panel did to the key the demo signs with. */
export type KeyState = 'standard' | 'rolled-expired' | 'read-only' | 'real-imagekit'

export type KeyAction = 'roll-expire' | 'use-new-key' | 'read-only' | 'restore'

/**
 * The key pair the demo's signing route uses against the emulator, and the fault panel's key scenarios:
 * roll the key and let the old one expire at once (the demo keeps signing with the expired key, as an app
 * that was not redeployed would), then `use-new-key` gives the route the pair the roll created (the step
 * an app's owner takes: deploy the new private key); or switch to a read-only restricted key. `restore`
 * goes back to a working standard key and deletes the pairs the scenarios created.
 * ImageKit's rule (seeds imagekit-api-keys.md, "Rolling keys"; the emulator's key-rules.ts): a roll makes a
 * new pair and the old one keeps working until the expiry chosen (at once, 1 h, 24 h, 3 or 7 days).
 */
export class DemoKeys {
  readonly #emulator: Emulator
  #active: SigningKey
  #state: KeyState = 'standard'
  readonly #created = new Set<string>()
  /** The pair the last roll created, until the route is given it. */
  #rolledTo: SigningKey | null = null

  constructor(emulator: Emulator) {
    this.#emulator = emulator
    this.#active = emulator.keys.primary
  }

  get active(): SigningKey {
    return this.#active
  }

  get state(): KeyState {
    return this.#state
  }

  async apply(action: KeyAction): Promise<void> {
    if (action === 'use-new-key') return this.#switchToRolled()
    this.#restore()
    if (action === 'restore') return
    const keys = this.#emulator.keys
    if (action === 'roll-expire') {
      const expired = this.#active.publicKey
      this.#rolledTo = keys.roll(expired, { expiresInMs: 0 })
      this.#created.add(expired)
      this.#state = 'rolled-expired'
      return
    }
    const readOnly = keys.add({ type: 'restricted', mediaAccess: 'read' })
    this.#created.add(readOnly.publicKey)
    this.#active = readOnly
    this.#state = 'read-only'
  }

  /** After a roll: sign with the new pair, as an app does once it is redeployed with the new private key. */
  #switchToRolled(): void {
    if (this.#state !== 'rolled-expired' || !this.#rolledTo) {
      throw new Error('use-new-key follows roll-expire: there is no rolled key to switch to.')
    }
    this.#active = this.#rolledTo
    this.#rolledTo = null
    this.#state = 'standard'
  }

  #restore(): void {
    const keys = this.#emulator.keys
    for (const publicKey of this.#created) {
      if (keys.byPublicKey(publicKey)) keys.remove(publicKey)
    }
    this.#created.clear()
    this.#rolledTo = null
    this.#active = keys.primary
    this.#state = 'standard'
  }
}
