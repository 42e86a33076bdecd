import { SignJWT } from 'jose'

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

/** ImageKit's V2 upload token: HS256 JWT, header `kid` = public key, payload = the form fields + `iat`/`exp`. */
export function signUploadJwt(input: UploadJwtInput): Promise<string> {
  return new SignJWT({ ...input.params })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: input.publicKey })
    .setIssuedAt(input.iat)
    .setExpirationTime(input.exp)
    .sign(new TextEncoder().encode(input.privateKey))
}
