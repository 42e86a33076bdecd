import type { KeyPair, KeyPairInit } from './types.js'

/** Seeds (imagekit-api-keys.md, "API key limits"): "You can only have five active API key pairs at once." */
export const MAX_ACTIVE_KEYS = 5

/**
 * Seeds (imagekit-api-keys.md, "Rolling keys"): the old key expires immediately, in 1 hour, in 24
 * hours, in 3 days or in 7 days; nothing else can be chosen.
 */
export const ROLL_EXPIRY_MS: readonly number[] = [0, 3_600_000, 86_400_000, 259_200_000, 604_800_000]

export type KeyRuleCode =
  | 'KEY_LIMIT'
  | 'NO_STANDARD_KEY'
  | 'LAST_STANDARD_KEY'
  | 'ROLL_EXPIRY'
  | 'ALREADY_ROLLED'
  | 'DUPLICATE_KEY'
  | 'UNKNOWN_KEY'
  | 'INVALID_KEY'

/** A refused key operation: `code` says which rule, `message` says it in words. */
export class KeyRuleError extends Error {
  readonly code: KeyRuleCode

  constructor(code: KeyRuleCode, message: string) {
    super(message)
    this.name = 'KeyRuleError'
    this.code = code
  }
}

const isActive = (key: KeyPair) => key.expiresAt === undefined
const nonEmpty = (value: unknown) => value === undefined || (typeof value === 'string' && value !== '')

/** Check one pair as given (its fields, not the set it joins). */
export function checkKeyInit(init: KeyPairInit): void {
  const invalid = (detail: string) => new KeyRuleError('INVALID_KEY', detail)
  if (!init || typeof init !== 'object') throw invalid('A key pair must be an object.')
  if (!nonEmpty(init.publicKey) || !nonEmpty(init.privateKey))
    throw invalid('Keys must be non-empty strings.')
  if (init.type !== undefined && init.type !== 'standard' && init.type !== 'restricted') {
    throw invalid("type must be 'standard' or 'restricted'.")
  }
  if (init.mediaAccess !== undefined && !['none', 'read', 'readwrite'].includes(init.mediaAccess)) {
    throw invalid("mediaAccess must be 'none', 'read' or 'readwrite'.")
  }
  // Seeds ("Types of keys"): a standard key has read and write access to every API.
  if ((init.type ?? 'standard') === 'standard' && (init.mediaAccess ?? 'readwrite') !== 'readwrite') {
    throw invalid("A standard key always has 'readwrite' media access; use type 'restricted' for less.")
  }
  if (init.expiresAt !== undefined && !Number.isFinite(init.expiresAt)) {
    throw invalid('expiresAt must be a number (epoch ms).')
  }
}

export function tooManyKeys(): KeyRuleError {
  return new KeyRuleError('KEY_LIMIT', `You can only have ${MAX_ACTIVE_KEYS} active API key pairs at once.`)
}

/** The rules a whole set of pairs must keep (seeds, "API key limits"). */
export function checkKeySet(keys: readonly KeyPair[]): void {
  if (keys.filter(isActive).length > MAX_ACTIVE_KEYS) throw tooManyKeys()
  if (!keys.some((key) => isActive(key) && key.type === 'standard')) {
    throw new KeyRuleError(
      'NO_STANDARD_KEY',
      'Your account will have at least one active standard API key pair at all times.',
    )
  }
  const seen = new Set<string>()
  for (const key of keys.flatMap((pair) => [pair.publicKey, pair.privateKey])) {
    if (seen.has(key)) throw new KeyRuleError('DUPLICATE_KEY', `Key ${key} is used twice.`)
    seen.add(key)
  }
}

/** Seeds ("Rolling keys"): only the documented expiry choices. */
export function checkRollExpiry(expiresInMs: number): void {
  if (!ROLL_EXPIRY_MS.includes(expiresInMs)) {
    throw new KeyRuleError(
      'ROLL_EXPIRY',
      `A rolled key expires immediately, in 1 hour, in 24 hours, in 3 days or in 7 days: expiresInMs must be one of ${ROLL_EXPIRY_MS.join(', ')}.`,
    )
  }
}
