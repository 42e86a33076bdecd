import { AuthEndpointError } from './errors.js'

/**
 * Keeps V2 tokens for the same fields in the same second apart. ImageKit allows no claim beyond the form
 * fields, so a nonce is impossible and only `exp` can differ: the n-th token over the same fields in a second
 * gets `exp = iat + expiresIn - n`, down to `iat + 1`, so `exp > iat` always. Past that the request is refused
 * (`TOKENS_EXHAUSTED`, 503, `Retry-After: 1`) rather than repeat a token, which ImageKit would refuse at upload
 * time as reused. One ledger per route; it holds only the current second.
 */
export class DistinctExpiries {
  #second = Number.NaN
  readonly #issued = new Map<string, number>()

  /** One `exp` per entry of `fields`, all signed at `iat`; all or none are handed out. */
  reserve(iat: number, expiresIn: number, fields: readonly Readonly<Record<string, string>>[]): number[] {
    if (iat !== this.#second) {
      this.#second = iat
      this.#issued.clear()
    }
    const keys = fields.map((params) => JSON.stringify(params))
    const wanted = new Map<string, number>()
    for (const key of keys) wanted.set(key, (wanted.get(key) ?? 0) + 1)
    for (const [key, count] of wanted) {
      if ((this.#issued.get(key) ?? 0) + count > expiresIn) throw exhausted(expiresIn)
    }
    return keys.map((key) => {
      const used = this.#issued.get(key) ?? 0
      this.#issued.set(key, used + 1)
      return iat + expiresIn - used
    })
  }
}

function exhausted(expiresIn: number): AuthEndpointError {
  return new AuthEndpointError(
    'TOKENS_EXHAUSTED',
    `More than ${expiresIn} upload tokens for these exact fields were asked for in one second; try again in a second.`,
    { headers: { 'Retry-After': '1' } },
  )
}
