import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  AuthEndpointError,
  type AuthHandlerOptions,
  createAuthHandler,
  type UploadComplete,
} from '../src/index.js'
import { action, startImageKit, type TestImageKit, uploadThrough } from './support/emulator.js'
import { call, expectNoKeyInAnything, recordingLogger } from './support.js'

afterAll(expectNoKeyInAnything)

let ik: TestImageKit
beforeEach(async () => {
  ik = await startImageKit()
})
afterEach(() => ik.stop())

const users = (request: Request) => {
  const id = request.headers.get('x-user')
  return id === null ? null : { id, name: `user ${id}` }
}

function route(options: Partial<AuthHandlerOptions<{ id: string; name: string }>> = {}) {
  const { publicKey, privateKey } = ik.emu.keys.primary
  return createAuthHandler({
    publicKey,
    privateKey,
    apiBaseUrl: ik.emu.url,
    logger: recordingLogger(),
    authorize: users,
    policy: { forcedFolder: (user) => `/users/${user.id}` },
    ...options,
  })
}

describe('announcing the actions', () => {
  it('every signature answer lists the actions this route offers: GET, POST, batch, V1 and V2', async () => {
    for (const apiVersion of [1, 2] as const) {
      const both = route({ apiVersion, onUploadComplete: () => null, revert: true })
      const asUser = { headers: { 'x-user': '7' } }
      const get = await call(both, new Request('http://localhost/auth', asUser))
      expect(get.json.actions).toEqual(['complete', 'revert'])
      const one = await call(both, postAs({ fileName: 'a.png' }))
      expect(one.json.actions).toEqual(['complete', 'revert'])
      const batch = await call(both, postAs({ files: [{ fileName: 'a.png' }, { fileName: 'b.png' }] }))
      expect(batch.json.actions).toEqual(['complete', 'revert'])
      expect(batch.json.files.map((file: { actions: string[] }) => file.actions)).toEqual([
        ['complete', 'revert'],
        ['complete', 'revert'],
      ])
    }
  })

  it('lists only what is configured, and nothing when neither is', async () => {
    expect(
      (await call(route({ onUploadComplete: () => 1 }), postAs({ fileName: 'a.png' }))).json.actions,
    ).toEqual(['complete'])
    expect(
      (await call(route({ revert: { windowMs: 60_000 } }), postAs({ fileName: 'a.png' }))).json.actions,
    ).toEqual(['revert'])
    const plain = await call(route(), postAs({ fileName: 'a.png' }))
    expect(plain.json).not.toHaveProperty('actions')
  })
})

function postAs(body: unknown, as = '7') {
  return new Request('http://localhost/auth', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-user': as },
    body: JSON.stringify(body),
  })
}

describe('complete: { action: "complete", fileId }', () => {
  it("hands ImageKit's own record to onUploadComplete and answers { serverData } with what it returns", async () => {
    const seen: UploadComplete<{ id: string; name: string }>[] = []
    const sign = route({
      onUploadComplete: (event) => {
        seen.push(event)
        return { photoId: 42, path: event.file.filePath }
      },
    })
    const uploaded = await uploadThrough(sign, ik.emu, { fileName: 'cat.png' })
    const done = await call(sign, action('complete', uploaded.fileId))
    expect(done.status).toBe(200)
    expect(done.json).toEqual({ serverData: { photoId: 42, path: '/users/7/cat.png' } })
    expect(done.headers.get('cache-control')).toBe('no-store')
    const [event] = seen
    expect(event?.identity).toEqual({ id: '7', name: 'user 7' })
    const [stored] = await ik.emu.files()
    expect(event?.file).toMatchObject({
      fileId: uploaded.fileId,
      filePath: '/users/7/cat.png',
      name: 'cat.png',
      size: stored?.size,
      createdAt: stored?.createdAt,
      url: stored?.url,
    })
    expect(event?.request.method).toBe('POST')
  })

  it('answers { serverData: null } when onUploadComplete returns nothing', async () => {
    const sign = route({ onUploadComplete: () => undefined })
    const uploaded = await uploadThrough(sign, ik.emu, { fileName: 'a.txt' })
    expect((await call(sign, action('complete', uploaded.fileId))).json).toEqual({ serverData: null })
  })

  it("refuses another caller's file (FOLDER_NOT_ALLOWED, 403) without calling onUploadComplete", async () => {
    const onUploadComplete = vi.fn(() => 'recorded')
    const sign = route({ onUploadComplete })
    const theirs = await uploadThrough(sign, ik.emu, { fileName: 'theirs.png', as: '8' })
    const refused = await call(sign, action('complete', theirs.fileId, '7'))
    expect(refused.status).toBe(403)
    expect(refused.json).toEqual({
      code: 'FOLDER_NOT_ALLOWED',
      message: 'That file is not in a folder you may upload to.',
    })
    expect(onUploadComplete).not.toHaveBeenCalled()
  })

  it('applies allowedFolders as signing does (a file uploaded elsewhere with a V1 signature is refused)', async () => {
    const sign = route({ policy: { allowedFolders: ['/products'] }, onUploadComplete: () => 'ok' })
    const form = await uploadThrough(route({ policy: {} }), ik.emu, { fileName: 'x.png', folder: '/private' })
    expect((await call(sign, action('complete', form.fileId))).json.code).toBe('FOLDER_NOT_ALLOWED')
    const inside = await uploadThrough(sign, ik.emu, { fileName: 'y.png', folder: '/products/shoes' })
    expect((await call(sign, action('complete', inside.fileId))).json).toEqual({ serverData: 'ok' })
  })

  it('answers FILE_NOT_FOUND (404) for a fileId ImageKit does not know, INVALID_FIELD (400) for one that cannot be', async () => {
    const sign = route({ onUploadComplete: () => 'never' })
    const unknown = await call(sign, action('complete', '0123456789abcdef01234567'))
    expect(unknown.status).toBe(404)
    expect(unknown.json).toEqual({
      code: 'FILE_NOT_FOUND',
      message: 'ImageKit has no file with that fileId.',
    })
    for (const fileId of ['../details', '', 42]) {
      const bad = await call(sign, postAs({ action: 'complete', fileId }))
      expect([bad.status, bad.json.code]).toEqual([400, 'INVALID_FIELD'])
    }
  })

  it("never reads the browser's account of the file: any field beside action and fileId is refused", async () => {
    const sign = route({ onUploadComplete: () => 'x' })
    const got = await call(
      sign,
      action('complete', '0123456789abcdef01234567', '7', { filePath: '/users/7/a' }),
    )
    expect([got.status, got.json.code]).toEqual([400, 'UNKNOWN_FIELD'])
    const unknownAction = await call(sign, postAs({ action: 'publish', fileId: 'abc' }))
    expect([unknownAction.status, unknownAction.json.code]).toEqual([400, 'INVALID_FIELD'])
  })

  it('is refused with ACTION_NOT_ALLOWED (403) when the route has no onUploadComplete', async () => {
    const got = await call(route(), action('complete', '0123456789abcdef01234567'))
    expect(got.status).toBe(403)
    expect(got.json).toEqual({ code: 'ACTION_NOT_ALLOWED', message: 'This route does not offer "complete".' })
  })

  it('runs authorize and the rate limit as signing does', async () => {
    const sign = route({ onUploadComplete: () => 'x', rateLimit: { limit: 2, intervalMs: 60_000 } })
    const anonymous = new Request('http://localhost/auth', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'complete', fileId: 'abc' }),
    })
    expect((await call(sign, anonymous)).status).toBe(401)
    const uploaded = await uploadThrough(sign, ik.emu, { fileName: 'a.png' }) // the first of 2
    expect((await call(sign, action('complete', uploaded.fileId))).status).toBe(200)
    const limited = await call(sign, action('complete', uploaded.fileId))
    expect([limited.status, limited.json.code]).toEqual([429, 'RATE_LIMITED'])
  })

  it("relays onUploadComplete's AuthEndpointError; any other throw is a logged 500", async () => {
    const logger = recordingLogger()
    let fail: () => never = () => {
      throw new AuthEndpointError('FORBIDDEN', 'Your plan allows 10 photos.')
    }
    const sign = route({ logger, onUploadComplete: () => fail() })
    const uploaded = await uploadThrough(sign, ik.emu, { fileName: 'a.png' })
    const refused = await call(sign, action('complete', uploaded.fileId))
    expect([refused.status, refused.json.message]).toEqual([403, 'Your plan allows 10 photos.'])
    fail = () => {
      throw new Error('database down')
    }
    const failed = await call(sign, action('complete', uploaded.fileId))
    expect([failed.status, failed.json.code]).toEqual([500, 'INTERNAL'])
    expect(logger.lines.join('\n')).toContain('database down')
  })

  it('an answer that would carry the private key is replaced by INTERNAL (the leak guard covers serverData)', async () => {
    const { privateKey } = ik.emu.keys.primary
    const sign = route({ onUploadComplete: () => ({ oops: privateKey }) })
    const uploaded = await uploadThrough(sign, ik.emu, { fileName: 'a.png' })
    const got = await call(sign, action('complete', uploaded.fileId))
    expect(got.json.code).toBe('INTERNAL')
    expect(got.text).not.toContain(privateKey)
  })
})
