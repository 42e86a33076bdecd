import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { ApiError, badRequest, forbidden, missingParam } from './api-error.js'
import { messages } from './messages.js'
import type { EmulatorState } from './state.js'
import type { KeyPair } from './types.js'

/** Compare secrets in constant time (hashing first, so lengths leak nothing either). */
export function safeEqual(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(a), digest(b))
}

export function signV1(privateKey: string, token: string, expire: string | number): string {
  return createHmac('sha1', privateKey).update(`${token}${expire}`).digest('hex')
}

/** The private key of an `Authorization: Basic` header (the password is ignored), or undefined. */
export function basicUser(authorization: string): string | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization)
  if (!match?.[1]) return undefined
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  const user = colon === -1 ? decoded : decoded.slice(0, colon)
  return user === '' ? undefined : user
}

/** Rules every key must pass once found: account enabled, read-and-write media access. */
export function checkKeyUsable(key: KeyPair, state: EmulatorState): KeyPair {
  if (state.accountDisabled) throw forbidden(messages.accountDisabled)
  if (key.mediaAccess !== 'readwrite') throw forbidden(messages.keyNotPermitted)
  return key
}

/** The pair whose private key is the Basic auth user name (seeds: "Provide your private API key as the basic auth username value"). */
function basicKey(authorization: string | undefined, state: EmulatorState): KeyPair {
  const privateKey = authorization === undefined ? undefined : basicUser(authorization)
  if (privateKey === undefined) throw new ApiError(401, messages.noPrivateKey)
  const key = state.keys.find((candidate) => safeEqual(candidate.privateKey, privateKey))
  if (!key) throw forbidden(messages.notAuthenticated)
  if (state.keys.isExpired(key)) throw forbidden(messages.expiredPrivateKey)
  return key
}

/** Server-side upload: the private key as the Basic auth user name. */
export function authenticateBasic(authorization: string, state: EmulatorState): KeyPair {
  return checkKeyUsable(basicKey(authorization, state), state)
}

/**
 * The media API: Basic auth only, then the key's media access from the seeds' table
 * (imagekit-api-keys.md, "Resource list"): list, details and metadata need `Read only` or more;
 * update, tags and delete need `Read and write`; `None` can do nothing.
 */
export function authenticateMedia(
  authorization: string | undefined,
  state: EmulatorState,
  need: 'read' | 'write',
): KeyPair {
  const key = basicKey(authorization, state)
  if (state.accountDisabled) throw forbidden(messages.accountDisabled)
  if (key.mediaAccess === 'none') throw forbidden(messages.keyNoMediaAccess)
  if (need === 'write' && key.mediaAccess !== 'readwrite') throw forbidden(messages.keyNotPermitted)
  return key
}

function checkExpire(raw: string, nowMs: number): void {
  const nowSeconds = Math.floor(nowMs / 1000)
  const expire = /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN
  if (!(expire > nowSeconds && expire - nowSeconds < 3600)) throw badRequest(messages.invalidExpire)
}

function clientSideKey(fields: Map<string, string>, state: EmulatorState): KeyPair {
  const publicKey = fields.get('publicKey')
  if (!publicKey) throw missingParam('publicKey')
  for (const name of ['signature', 'token', 'expire']) if (!fields.get(name)) throw missingParam(name)
  const key = state.keys.byPublicKey(publicKey)
  if (!key) throw forbidden(messages.notAuthenticated)
  // GUESS: ImageKit documents "an expired key (public or private)" as a 403 but not the wording.
  if (state.keys.isExpired(key)) throw forbidden(messages.expiredPublicKey)
  if (state.accountDisabled) throw forbidden(messages.accountDisabled)
  return key
}

/**
 * V1 authentication: Basic auth (server side) or publicKey + signature + expire + token (client
 * side). `tokenReused` says whether the token had been burned before this request.
 */
export function authenticateV1(
  fields: Map<string, string>,
  authorization: string | undefined,
  state: EmulatorState,
  tokenReused: boolean,
): KeyPair {
  const clientSide = fields.has('signature')
  if (authorization !== undefined && clientSide) throw badRequest(messages.bothAuth)
  if (authorization !== undefined) return authenticateBasic(authorization, state)
  if (!['signature', 'publicKey', 'token', 'expire'].some((name) => fields.has(name))) {
    throw new ApiError(401, messages.noPrivateKey)
  }
  const key = clientSideKey(fields, state)
  const token = fields.get('token') ?? ''
  const expire = fields.get('expire') ?? ''
  checkExpire(expire, state.now())
  // GUESS: no public source gives ImageKit's answer to a wrong signature.
  if (!safeEqual(signV1(key.privateKey, token, expire), fields.get('signature') ?? '')) {
    throw badRequest(messages.invalidSignature)
  }
  if (tokenReused) throw badRequest(messages.tokenUsed(token))
  return checkKeyUsable(key, state)
}
