const encoder = new TextEncoder()

function toHex(buffer: ArrayBuffer): string {
  let hex = ''
  for (const byte of new Uint8Array(buffer)) hex += byte.toString(16).padStart(2, '0')
  return hex
}

/**
 * ImageKit's V1 upload signature: lowercase hex HMAC-SHA1 of `token + expire`, keyed with the private key.
 * WebCrypto only, so it runs on Node, edge runtimes and workers alike.
 * @example await createSignature('private_key_test', 'your_token', 1582269249) // 'e71bcd60…'
 */
export async function createSignature(
  privateKey: string,
  token: string,
  expire: number | string,
): Promise<string> {
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    encoder.encode(privateKey),
    { name: 'HMAC', hash: 'SHA-1' },
    false,
    ['sign'],
  )
  const mac = await globalThis.crypto.subtle.sign('HMAC', key, encoder.encode(`${token}${String(expire)}`))
  return toHex(mac)
}

/** A fresh single-use upload token: a UUID v4 from the platform's CSPRNG. */
export function createToken(): string {
  return globalThis.crypto.randomUUID()
}
