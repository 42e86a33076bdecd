import { vi } from 'vitest'

/** jsdom has no object URLs: stub them and record what was created and revoked. */
export function stubObjectUrls() {
  let next = 0
  const create = vi.fn((_blob: Blob) => `blob:upkit-test/${++next}`)
  const revoke = vi.fn((_url: string) => {})
  Object.defineProperty(URL, 'createObjectURL', { value: create, configurable: true, writable: true })
  Object.defineProperty(URL, 'revokeObjectURL', { value: revoke, configurable: true, writable: true })
  return { create, revoke }
}
