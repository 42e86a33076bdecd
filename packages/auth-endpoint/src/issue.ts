import type { Config } from './config.js'
import { signUploadJwt } from './jwt.js'
import type { UploadDecision } from './policy.js'
import { createSignature, createToken } from './sign.js'
import type { SignatureV1, SignatureV2 } from './types.js'

/**
 * Signs one upload at `serverTime` (Unix seconds of the route's clock, sent along so clients with a wrong
 * clock can compute expiries). V1: a fresh UUID token and HMAC signature, with `params` = what the server
 * forced. V2: a JWT over exactly `decision.params`, which the browser must send unchanged.
 */
export async function issue(
  config: Config,
  privateKey: string,
  decision: UploadDecision,
  withParams: boolean,
  serverTime: number,
): Promise<SignatureV1 | SignatureV2> {
  const { publicKey } = config.keys
  const iat = serverTime
  const expire = iat + config.expiresIn
  if (config.apiVersion === 2) {
    // ImageKit allows no claim beyond the form fields, so a nonce is impossible; a distinct `exp` keeps
    // two tokens for the same fields in the same second apart (each JWT is single-use).
    const exp = expire - distinctOffset(iat, decision.params)
    const token = await signUploadJwt({ privateKey, publicKey, params: decision.params, iat, exp })
    return { token, expire: exp, publicKey, serverTime, params: decision.params }
  }
  const token = createToken()
  const signature = await createSignature(privateKey, token, expire)
  const answer: SignatureV1 = { token, expire, signature, publicKey, serverTime }
  if (withParams || Object.keys(decision.forced).length > 0) answer.params = decision.forced
  return answer
}

let currentSecond = 0
const issuedThisSecond = new Map<string, number>()

/** 0 for the first token over these fields in a second, then 1, 2, … so repeated tokens get distinct `exp`s. */
function distinctOffset(iat: number, params: Readonly<Record<string, string>>): number {
  if (iat !== currentSecond) {
    currentSecond = iat
    issuedThisSecond.clear()
  }
  const key = JSON.stringify(params)
  const count = issuedThisSecond.get(key) ?? 0
  issuedThisSecond.set(key, count + 1)
  return count % 600
}
