import type { startEmulator } from '@upkit/imagekit-emulator'

export type Emulator = Awaited<ReturnType<typeof startEmulator>>

export interface SigningKey {
  publicKey: string
  privateKey: string
}

/** What the fault panel did to the key the demo signs with. */
export type KeyState = 'standard' | 'rolled-expired' | 'read-only' | 'real-imagekit'

export type KeyAction = 'roll-expire' | 'read-only' | 'restore'

/**
 * The key pair the demo's signing route uses against the emulator, and the fault panel's key scenarios:
 * roll the key and let the old one expire at once (the demo keeps signing with the expired key, as an app
 * that was not redeployed would), or switch to a read-only restricted key. `restore` goes back to a
 * working standard key and deletes the pairs the scenarios created.
 */
export class DemoKeys {
  readonly #emulator: Emulator
  #active: SigningKey
  #state: KeyState = 'standard'
  readonly #created = new Set<string>()

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
    this.#restore()
    if (action === 'restore') return
    const keys = this.#emulator.keys
    if (action === 'roll-expire') {
      const expired = this.#active.publicKey
      keys.roll(expired, { expiresInMs: 0 })
      this.#created.add(expired)
      this.#state = 'rolled-expired'
      return
    }
    const readOnly = keys.add({ type: 'restricted', mediaAccess: 'read' })
    this.#created.add(readOnly.publicKey)
    this.#active = readOnly
    this.#state = 'read-only'
  }

  #restore(): void {
    const keys = this.#emulator.keys
    for (const publicKey of this.#created) {
      if (keys.byPublicKey(publicKey)) keys.remove(publicKey)
    }
    this.#created.clear()
    this.#active = keys.primary
    this.#state = 'standard'
  }
}
