import { decodeProtectedHeader, errors, type JWTPayload, jwtVerify } from 'jose'
import { badRequest, forbidden } from './api-error.js'
import { authenticateBasic, checkKeyUsable } from './auth.js'
import { messages } from './messages.js'
import type { EmulatorState } from './state.js'
import type { KeyPair } from './types.js'

export const MAX_JWT_LIFETIME_S = 3600
const CLAIMS = new Set(['iat', 'exp'])

function keyForToken(token: string, state: EmulatorState): KeyPair {
  let kid: unknown
  let alg: unknown
  try {
    ;({ kid, alg } = decodeProtectedHeader(token))
  } catch {
    throw badRequest(messages.v2InvalidToken)
  }
  if (alg !== 'HS256' || typeof kid !== 'string') throw badRequest(messages.v2InvalidToken)
  const key = state.keys.byPublicKey(kid)
  if (!key) throw forbidden(messages.notAuthenticated)
  if (state.keys.isExpired(key)) throw forbidden(messages.expiredPublicKey) // GUESS (see auth.ts)
  if (state.accountDisabled) throw forbidden(messages.accountDisabled)
  return key
}

async function verify(token: string, key: KeyPair, state: EmulatorState): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(key.privateKey), {
      algorithms: ['HS256'],
      requiredClaims: ['iat', 'exp'],
      currentDate: new Date(state.now()),
    })
    return payload
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw badRequest(messages.v2ExpiredToken)
    throw badRequest(messages.v2InvalidToken)
  }
}

function payloadMatches(payload: JWTPayload, fields: Map<string, string>): boolean {
  const bound = Object.entries(payload).filter(([name]) => !CLAIMS.has(name))
  const sent = [...fields.keys()].filter((name) => name !== 'token')
  if (bound.length !== sent.length) return false
  return bound.every(([name, value]) => {
    const wire = typeof value === 'string' ? value : JSON.stringify(value)
    return fields.get(name) === wire
  })
}

/**
 * V2 authentication: Basic auth (server side) or one HS256 JWT `token` whose header `kid` is the
 * public key and whose payload equals the form fields (except file and token), exp - iat ≤ 3600.
 */
export async function authenticateV2(
  fields: Map<string, string>,
  authorization: string | undefined,
  state: EmulatorState,
  tokenReused: boolean,
): Promise<KeyPair> {
  const token = fields.get('token')
  if (authorization !== undefined && token !== undefined) throw badRequest(messages.v2BothAuth)
  if (authorization !== undefined) return authenticateBasic(authorization, state)
  if (!token) throw badRequest(messages.v2MissingToken)
  const key = keyForToken(token, state)
  const payload = await verify(token, key, state)
  const { iat, exp } = payload
  if (typeof iat !== 'number' || typeof exp !== 'number' || exp - iat > MAX_JWT_LIFETIME_S) {
    throw badRequest(messages.v2InvalidToken)
  }
  // GUESS: the v1 reuse message; ImageKit's v2 wording for a reused JWT is not documented.
  if (tokenReused) throw badRequest(messages.tokenUsed(token))
  if (!payloadMatches(payload, fields)) throw badRequest(messages.v2PayloadMismatch)
  return checkKeyUsable(key, state)
}
