/**
 * Type tests: `tsc` (the typecheck script) checks them; at run time the examples are only defined, never run.
 * The three blocks marked README are the package and root README examples, as written there.
 */
import { describe, expectTypeOf, it } from 'vitest'
import { imagekitAuth } from '../src/express.js'
import { type AuthHandler, createAuthHandler, type ImageKitFile } from '../src/index.js'
import { createRouteHandlers } from '../src/next.js'
import { createNodeListener } from '../src/node.js'

interface User {
  id: string
  name: string
  team: string
}
declare function userIdFromSession(cookie: string | null): string | null
declare function auth(): Promise<{ user?: { id?: string; name?: string | null } } | null>
declare function getSession(request: Request): Promise<{ user: User } | null>

describe('typed identity: what authorize returns is what every callback receives', () => {
  it('README (package): Express, authorize returning a user id or null', () => {
    const example = () =>
      imagekitAuth({
        authorize: (request) => userIdFromSession(request.headers.get('cookie')), // your session lookup
        policy: {
          forcedFolder: (userId) => {
            expectTypeOf(userId).toEqualTypeOf<string>()
            return `/users/${userId}`
          },
          maxFileSize: 25 * 1024 * 1024,
          allowedTypes: ['image/*'],
        },
      })
    expectTypeOf(example).returns.toBeFunction()
  })

  it('README (package): Next.js, authorize from auth()', () => {
    const example = () =>
      createRouteHandlers({
        authorize: async () => (await auth())?.user?.id ?? null,
        trustProxy: true,
        policy: { forcedFolder: (id) => `/users/${id.toLowerCase()}` },
      })
    expectTypeOf(example).returns.toHaveProperty('POST')
  })

  it('README (root): Next.js, authorize returning the session user object (issue 10: TS18047, TS2339)', () => {
    const example = () =>
      createRouteHandlers({
        authorize: async (request) => (await getSession(request))?.user ?? null,
        policy: { forcedFolder: (user) => `/users/${user.id}`, maxFileSize: 25 * 1024 * 1024 },
      })
    expectTypeOf(example).returns.toHaveProperty('GET')
  })

  it('onUploadComplete gets the same identity and ImageKit’s file record; the node listener infers it too', () => {
    const example = () =>
      createNodeListener({
        authorize: async (request) => (await getSession(request))?.user ?? null,
        policy: { forcedFolder: (user) => `/teams/${user.team}` },
        onUploadComplete: ({ identity, file }) => {
          expectTypeOf(identity).toEqualTypeOf<User>()
          expectTypeOf(file).toEqualTypeOf<ImageKitFile>()
          return { owner: identity.name, url: file.url }
        },
        revert: { windowMs: 10 * 60_000 },
      })
    expectTypeOf(example).returns.toBeFunction()
  })

  it('an explicit type argument works: createAuthHandler<User>(…)', () => {
    const example = () =>
      createAuthHandler<User>({
        authorize: () => null,
        policy: { forcedFolder: (user) => `/teams/${user.team}` },
      })
    expectTypeOf(example).returns.toEqualTypeOf<AuthHandler>()
  })

  it('without authorize (anonymous) the callbacks receive null, and using it as a user is an error', () => {
    const example = () =>
      createAuthHandler({
        allowAnonymous: true,
        policy: {
          forcedFolder: (identity) => {
            expectTypeOf(identity).toEqualTypeOf<null>()
            // @ts-expect-error: there is no identity on an anonymous route
            return `/users/${identity.id}`
          },
        },
      })
    expectTypeOf(example).returns.toEqualTypeOf<AuthHandler>()
  })

  it('a callback that expects another identity than authorize returns is an error', () => {
    const example = () =>
      createAuthHandler({
        authorize: () => 'user-1',
        // @ts-expect-error: authorize returns a string, not a User
        policy: { forcedFolder: (user: User) => `/teams/${user.team}` },
      })
    expectTypeOf(example).returns.toEqualTypeOf<AuthHandler>()
  })
})
