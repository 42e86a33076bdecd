import { describe, expect, it } from 'vitest'
import { runChecks } from '../src/checks.js'
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

describe('checks', () => {
  const context = {
    'file.size': 2048,
    'file.mime': 'image/png',
    'request.folder': '/marketing/',
    'request.fileName': 'a.png',
    'request.tags': ['x', 'y'],
    'request.useUniqueFileName': 'true',
    'request.isPrivateFile': 'false',
  }
  it.each([
    '"file.size" < "1mb"',
    '"file.size" >= "2kb"',
    '"request.folder" : "marketing/"',
    '"request.folder" : "/marketing"',
    '"request.tags" : "y"',
    '"file.mime" : "image/png" and "file.size" <= "2048"',
    'NOT "file.mime" : "image/jpeg" OR "file.size" > "1gb"',
  ])('passes %s', (expression) => {
    expect(() => runChecks(expression, context)).not.toThrow()
  })
  it.each(['"file.size" > "1mb"', '"request.folder" : "sales/"', '"file.mime" != "image/png"'])(
    'fails %s',
    (expression) => {
      expect(() => runChecks(expression, context)).toThrow("Your request failed 'checks' validation.")
    },
  )
  it.each([
    '',
    '"file.size"',
    '"file.size" < "1mb" AND',
    '("file.size" < "1mb"',
    '"file.mime" < "x"',
    "'file.size' < '1mb'",
  ])('syntax error %j', (expression) => {
    expect(() => runChecks(expression, context)).toThrow('invalid syntax for the checks parameter')
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
