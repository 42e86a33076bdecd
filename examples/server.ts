// The Express recipe: the signing route and the pages on one origin. The route signs with POST and
// checks every file against its policy (each user's own folder, images up to 25 MB).
//
//   npx upkit-emulator     # the local ImageKit emulator; prints IMAGEKIT_PUBLIC_KEY=… IMAGEKIT_PRIVATE_KEY=…
//   IMAGEKIT_PUBLIC_KEY=… IMAGEKIT_PRIVATE_KEY=… npm start
//
// `npm start` runs `node server.ts`: Node 22.18 and later run TypeScript files as they are.
import { fileURLToPath } from 'node:url'
import { imagekitAuth } from '@upkit/auth-endpoint/express'
import express from 'express'

const app = express()
app.use(
  '/api/imagekit/auth',
  imagekitAuth({
    authorize: (request) => userIdFromSession(request.headers.get('cookie')), // null → 401
    policy: {
      forcedFolder: (userId) => `/users/${userId}`,
      maxFileSize: 25_000_000,
      allowedTypes: ['image/*'],
    },
  }),
)
// public/: the plain HTML page (index.html), the React page (react/, from `npm run build`) and the
// `<script>` build (upkit/, copied from node_modules/@upkit/uploader-core/dist/ by `npm run build`).
app.use(express.static(fileURLToPath(new URL('./public', import.meta.url))))

const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  const address = server.address()
  console.log(`listening on http://127.0.0.1:${typeof address === 'object' ? address?.port : address}`)
})

/** Stands in for your session lookup: this one trusts a `user=<id>` cookie, which a real app must never do. */
function userIdFromSession(cookie: string | null): string | null {
  return /(?:^|;\s*)user=([\w-]+)/.exec(cookie ?? '')?.[1] ?? null
}
