import { vi } from 'vitest'

/**
 * jsdom has no object URLs: installs counting stand-ins for `URL.createObjectURL` and
 * `URL.revokeObjectURL` and returns them with the set of URLs still alive.
 */
export function installObjectUrls() {
  let next = 0
  const live = new Set<string>()
  const create = vi.fn((_blob: Blob) => {
    const url = `blob:http://localhost/${++next}`
    live.add(url)
    return url
  })
  const revoke = vi.fn((url: string) => {
    live.delete(url)
  })
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL }
  URL.createObjectURL = create
  URL.revokeObjectURL = revoke
  const restore = () => {
    URL.createObjectURL = original.create
    URL.revokeObjectURL = original.revoke
  }
  return { create, revoke, live, restore }
}
