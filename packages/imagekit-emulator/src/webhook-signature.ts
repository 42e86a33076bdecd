import { createHmac } from 'node:crypto'

/**
 * The headers that sign one webhook request, in both of ImageKit's schemes:
 *
 * - Standard Webhooks, which `@imagekit/nodejs` 7 verifies (`client.webhooks.unwrap()`,
 *   src/resources/webhooks.ts → `new Webhook(toBase64(secret)).verify()` of the `standardwebhooks`
 *   package): `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature` =
 *   `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<raw body>">`. The SDK base64-encodes the secret
 *   and the library decodes it again, so the HMAC key is the secret's UTF-8 bytes, `whsec_` and all;
 *   the library refuses timestamps more than 5 minutes away from its clock.
 * - The older `x-ik-signature: t=<Unix ms>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, with the
 *   secret as the key (GB-docs api-introduction/webhooks.md "Verify signature manually"; the legacy
 *   `imagekit` SDK's `Webhook.verify`, utils/webhook-signature.ts).
 */
export function signWebhook(secret: string, id: string, body: string, nowMs: number): Record<string, string> {
  const seconds = Math.floor(nowMs / 1000)
  const standard = createHmac('sha256', secret).update(`${id}.${seconds}.${body}`).digest('base64')
  const legacy = createHmac('sha256', secret).update(`${nowMs}.${body}`).digest('hex')
  return {
    'webhook-id': id,
    'webhook-timestamp': String(seconds),
    'webhook-signature': `v1,${standard}`,
    'x-ik-signature': `t=${nowMs},v1=${legacy}`,
  }
}
