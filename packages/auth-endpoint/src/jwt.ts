import { SignJWT } from 'jose'
import { perKey } from './key-cache.js'

export interface UploadJwtInput {
  /** HMAC secret of the JWT. */
  privateKey: string
  /** Sent as the header's `kid`, so ImageKit knows which key pair signed. */
  publicKey: string
  /** The exact multipart fields the browser will send (all strings), without `file` and `token`. */
  params: Readonly<Record<string, string>>
  /** Issued-at, Unix seconds. */
  iat: number
  /** Expiry, Unix seconds; `exp - iat` must stay ≤ 3600 for ImageKit. */
  exp: number
}

/** The HS256 key, imported once per private key (jose would import a raw secret on every sign). */
const jwtKey = perKey((privateKey) =>
  globalThis.crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(privateKey),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  ),
)

/** ImageKit's V2 upload token: HS256 JWT, header `kid` = public key, payload = the form fields + `iat`/`exp`. */
export async function signUploadJwt(input: UploadJwtInput): Promise<string> {
  return new SignJWT({ ...input.params })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: input.publicKey })
    .setIssuedAt(input.iat)
    .setExpirationTime(input.exp)
    .sign(await jwtKey(input.privateKey))
}
