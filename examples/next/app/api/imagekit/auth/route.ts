// The root README's Next.js App Router signing route, as it is; `getSession` is this app's stand-in.
import { createRouteHandlers } from '@upkit/auth-endpoint/next'
import { getSession } from '@/lib/session'

export const dynamic = 'force-dynamic' // never cache a signature
export const { GET, POST, OPTIONS } = createRouteHandlers({
  authorize: async (request) => (await getSession(request))?.user ?? null, // your session lookup; null → 401
  policy: { forcedFolder: (user) => `/users/${user.id}`, maxFileSize: 25_000_000 },
})
