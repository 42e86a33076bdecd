import { type APIRequestContext, expect } from '@playwright/test'
import type { FaultRule, Stats, StoredFile } from '@upkit/imagekit-emulator'

/** The part of GET /api/demo/config the specs need (see `DemoConfig` in demo/src/server/demo-api.ts). */
interface DemoConfig {
  /** The emulator's base URL; `null` when the demo runs against a real ImageKit account. */
  emulatorUrl: string | null
}

async function json<T>(response: {
  ok(): boolean
  status(): number
  url(): string
  text(): Promise<string>
}) {
  const text = await response.text()
  if (!response.ok()) throw new Error(`${response.url()} answered ${response.status()}: ${text}`)
  return (text ? JSON.parse(text) : null) as T
}

/** The emulator's `/_emulator/*` HTTP API and the demo's key switch, as the specs use them. */
export class Emulator {
  readonly #request: APIRequestContext
  readonly #base: string

  constructor(request: APIRequestContext, config: DemoConfig) {
    if (!config.emulatorUrl) throw new Error('The e2e suite needs the demo in emulator mode')
    this.#request = request
    this.#base = `${config.emulatorUrl}/_emulator`
  }

  static async connect(request: APIRequestContext): Promise<Emulator> {
    return new Emulator(request, await json<DemoConfig>(await request.get('/api/demo/config')))
  }

  /** No faults, no files, zero counters, the demo signing with a working standard key. */
  async reset(): Promise<void> {
    await json(await this.#request.post('/api/demo/key', { data: { action: 'restore' } }))
    await json(await this.#request.delete(`${this.#base}/faults`))
    await json(await this.#request.delete(`${this.#base}/files`))
    await json(await this.#request.post(`${this.#base}/stats/reset`))
  }

  async addFault(rule: FaultRule): Promise<void> {
    await json(await this.#request.post(`${this.#base}/faults`, { data: rule }))
  }

  async clearFaults(): Promise<void> {
    await json(await this.#request.delete(`${this.#base}/faults`))
  }

  async keyScenario(action: 'roll-expire' | 'read-only' | 'restore'): Promise<void> {
    await json(await this.#request.post('/api/demo/key', { data: { action } }))
  }

  async stats(): Promise<Stats> {
    return json<Stats>(await this.#request.get(`${this.#base}/stats`))
  }

  async files(): Promise<StoredFile[]> {
    const body = await json<StoredFile[] | { files: StoredFile[] }>(
      await this.#request.get(`${this.#base}/files`),
    )
    return Array.isArray(body) ? body : body.files
  }

  /** Waits until the emulator has seen at least `requests` upload requests. */
  async waitForRequests(requests: number): Promise<void> {
    await expect.poll(async () => (await this.stats()).requests).toBeGreaterThanOrEqual(requests)
  }

  /** Asserts that each name is stored exactly once (ImageKit adds a unique suffix), and nothing else is. */
  async expectStoredOnce(...names: string[]): Promise<void> {
    await expect
      .poll(async () => (await this.files()).map((file) => originalName(file.name)).sort())
      .toEqual([...names].sort())
  }
}

/**
 * `photo_S-PgGysnR.png` → `photo.png`: undoes the emulator's `useUniqueFileName` suffix, or (for a file
 * resumed from a persisted queue, uploaded under its own unique name) `photo_k3x9q2ab.png` → `photo.png`.
 */
export function originalName(stored: string): string {
  const imagekit = /_[A-Za-z0-9_-]{9}(\.[^.]*)?$/
  if (imagekit.test(stored)) return stored.replace(imagekit, '$1')
  return stored.replace(/_[a-z0-9]{1,8}(\.[^.]*)?$/, '$1')
}
