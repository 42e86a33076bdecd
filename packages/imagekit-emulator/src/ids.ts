import { randomBytes, randomUUID } from 'node:crypto'

const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** A 24-hex id like ImageKit's fileId (a Mongo ObjectId: 4-byte seconds + 8 random bytes). */
export function objectId(nowMs: number): string {
  const seconds = Math.floor(nowMs / 1000)
    .toString(16)
    .padStart(8, '0')
    .slice(-8)
  return seconds + randomBytes(8).toString('hex')
}

/** Nine URL-safe characters, the shape of ImageKit's unique file-name suffix (`_S-PgGysnR`). */
export function uniqueSuffix(): string {
  const bytes = randomBytes(9)
  let out = ''
  for (const byte of bytes) out += URL_SAFE[byte & 63]
  return out
}

export const requestId = (): string => randomUUID()

export function randomKey(prefix: 'public' | 'private'): string {
  return `${prefix}_${randomBytes(21).toString('base64url')}`
}
