import { describe, expect, it } from 'vitest'
import { normalizeFolder, sanitizeFileName, withUniqueSuffix } from '../src/file-names.js'
import { TOKEN_TTL_MS, TokenStore } from '../src/token-store.js'

describe('TokenStore', () => {
  it('burns on first use and remembers until the token can no longer be valid', () => {
    let now = 1_000_000
    const store = new TokenStore(() => now)
    expect(store.burn('a')).toBe(false)
    expect(store.burn('a')).toBe(true)
    now += TOKEN_TTL_MS - 1
    expect(store.burn('a')).toBe(true)
    now += 2 * TOKEN_TTL_MS + 1
    expect(store.burn('b')).toBe(false)
    expect(store.size).toBe(1) // 'a' was swept once it could no longer be valid
    expect(store.burn('a')).toBe(false)
  })

  it('keeps its memory bounded', () => {
    const store = new TokenStore(() => 0, 1000)
    for (let i = 0; i < 5000; i++) store.burn(`token-${i}`)
    expect(store.size).toBeLessThanOrEqual(1001)
    expect(store.burn('token-4999')).toBe(true)
  })
})

describe('names', () => {
  it('sanitises file names like ImageKit', () => {
    expect(sanitizeFileName('a b+c@d.png')).toBe('a_b_c_d.png')
    expect(sanitizeFileName('Ünïcødé-名前.JPG')).toBe('Ünïcødé-名前.JPG')
    expect(sanitizeFileName('dir/name.txt')).toBe('dir_name.txt')
    expect(() => sanitizeFileName('../x')).toThrow('invalid fileName')
    expect(() => sanitizeFileName('x'.repeat(2000))).toThrow('invalid fileName')
  })
  it('normalises folders', () => {
    expect(normalizeFolder(undefined)).toBe('/')
    expect(normalizeFolder('')).toBe('/')
    expect(normalizeFolder('a/b')).toBe('/a/b/')
    expect(normalizeFolder('/a.b/c d/')).toBe('/a_b/c_d/')
  })
  it('adds a nine-character URL-safe suffix before the extension', () => {
    expect(withUniqueSuffix('photo.jpg')).toMatch(/^photo_[A-Za-z0-9_-]{9}\.jpg$/)
    expect(withUniqueSuffix('.env')).toMatch(/^\.env_[A-Za-z0-9_-]{9}$/)
  })
})
