import type { Config } from './config.js'
import { signUploadJwt } from './jwt.js'
import type { UploadDecision } from './policy.js'
import { createSignature, createToken } from './sign.js'
import type { SignatureV1, SignatureV2 } from './types.js'

/**
 * Signs uploads at `serverTime` (Unix seconds of the route's clock, sent along so clients with a wrong clock
 * can compute expiries). V1: a fresh UUID token and HMAC signature per upload, with `params` = what the server
 * forced. V2: a JWT over exactly `decision.params`, which the browser must send unchanged; same-field tokens
 * get distinct expiries (see `DistinctExpiries`), all or none.
 */
export async function issueAll(
  config: Config,
  privateKey: string,
  decisions: readonly UploadDecision[],
  withParams: boolean,
  serverTime: number,
): Promise<(SignatureV1 | SignatureV2)[]> {
  const { actions } = config.afterUpload
  const extra = actions.length > 0 ? { actions: [...actions] } : {}
  if (config.apiVersion === 2) {
    const params = decisions.map((decision) => decision.params)
    const expiries = config.expiries.reserve(serverTime, config.expiresIn, params)
    return Promise.all(
      decisions.map(async (decision, index) => {
        const exp = expiries[index] as number
        const token = await signUploadJwt({
          privateKey,
          publicKey: config.keys.publicKey,
          params: decision.params,
          iat: serverTime,
          exp,
        })
        return {
          token,
          expire: exp,
          publicKey: config.keys.publicKey,
          serverTime,
          params: decision.params,
          ...extra,
        }
      }),
    )
  }
  return Promise.all(
    decisions.map((decision) => issueV1(config, privateKey, decision, withParams, serverTime)),
  )
}

async function issueV1(
  config: Config,
  privateKey: string,
  decision: UploadDecision,
  withParams: boolean,
  serverTime: number,
): Promise<SignatureV1> {
  const { publicKey } = config.keys
  const expire = serverTime + config.expiresIn
  const token = createToken()
  const signature = await createSignature(privateKey, token, expire)
  const answer: SignatureV1 = { token, expire, signature, publicKey, serverTime }
  if (withParams || Object.keys(decision.forced).length > 0) answer.params = decision.forced
  const { actions } = config.afterUpload
  if (actions.length > 0) answer.actions = [...actions]
  return answer
}
