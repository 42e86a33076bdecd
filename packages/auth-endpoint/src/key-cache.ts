/** How many private keys' derived material is kept (a rolled key adds one; the oldest goes first). */
const MAX_KEYS = 8

/**
 * Memoises `derive` per private-key string, so key material is prepared once per key and not per request.
 * A key provider that hands out a new (rolled) key simply gets a new entry.
 */
export function perKey<T>(derive: (privateKey: string) => T): (privateKey: string) => T {
  const cache = new Map<string, T>()
  return (privateKey) => {
    const hit = cache.get(privateKey)
    if (hit !== undefined) return hit
    const value = derive(privateKey)
    cache.set(privateKey, value)
    if (cache.size > MAX_KEYS) cache.delete(cache.keys().next().value as string)
    return value
  }
}
