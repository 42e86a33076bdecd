import { imagekitAuth } from '@upkit/auth-endpoint/express'
import { DEFAULT_MAX_FILE_SIZE } from '@upkit/imagekit-emulator'
import type { RequestHandler } from 'express'
import type { SigningKey } from './demo-keys.js'

export const DEMO_USER_COOKIE = 'upkit_demo_user'
const USER_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/

/**
 * The largest file the route signs: the emulator's own limit (ImageKit's free plan for images, audio and
 * raw files, see the emulator's size-limits.ts), so the page, the route and the emulator agree on one
 * number. The settings panel is capped at it (GET /api/demo/config answers it).
 */
export const DEMO_MAX_FILE_SIZE = DEFAULT_MAX_FILE_SIZE

/** The demo's stand-in for a session: a `upkit_demo_user` cookie, else the fixed user `demo-user`. */
export function demoUser(cookieHeader: string | null): string {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, value] = part.trim().split('=')
    if (name === DEMO_USER_COOKIE && value && USER_PATTERN.test(value)) return value
  }
  return 'demo-user'
}

export function userFolder(user: string): string {
  return `/upkit-demo/${user}`
}

/**
 * The signing route as an app would write it: who may upload (`authorize`), a policy that forces each
 * user's files into their own folder and caps their size, and what happens after the upload: the
 * server records ImageKit's own file (`onUploadComplete`, its answer reaches the page as `serverData`)
 * and a user may undo their own upload (`revert`). The handler is rebuilt when the fault panel switches
 * the key pair, so the public key it reports always matches the private key it signs with.
 * `apiBaseUrl`: the emulator's media API (ImageKit's own when unset).
 */
export function signingRoute(activeKey: () => SigningKey, apiBaseUrl?: string): RequestHandler {
  const handlers = new Map<string, RequestHandler>()
  const handlerFor = (key: SigningKey): RequestHandler => {
    const existing = handlers.get(key.publicKey)
    if (existing) return existing
    const handler = imagekitAuth({
      publicKey: key.publicKey,
      privateKey: key.privateKey,
      authorize: (request) => ({ id: demoUser(request.headers.get('cookie')) }),
      policy: {
        forcedFolder: (identity) =>
          userFolder(typeof identity === 'object' && identity ? String(identity.id) : 'anonymous'),
        maxFileSize: DEMO_MAX_FILE_SIZE,
        maxFiles: 20,
        // "Add from a link" (the pages' ?urls=1): ImageKit downloads the file, its size unknown here
        allowUrls: true,
      },
      rateLimit: { limit: 600, intervalMs: 60_000 },
      // ImageKit's record, fetched by the route with the private key: what an app would save
      onUploadComplete: ({ identity, file }) => ({
        user: identity.id,
        filePath: file.filePath,
        size: file.size,
      }),
      revert: true,
      ...(apiBaseUrl ? { apiBaseUrl } : {}),
    })
    handlers.set(key.publicKey, handler)
    return handler
  }
  return (req, res, next) => handlerFor(activeKey())(req, res, next)
}
