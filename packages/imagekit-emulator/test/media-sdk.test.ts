import { ImageKit, NotFoundError, PermissionDeniedError, RateLimitError, toFile } from '@imagekit/nodejs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Harness, HELP, harness, png, stopHarness } from './helpers.js'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => stopHarness(h))

const client = (privateKey = h.emu.keys.primary.privateKey) =>
  new ImageKit({ privateKey, baseURL: h.emu.url, maxRetries: 0 })

async function uploadPhoto(name: string, tags: string[] = []) {
  const image = Buffer.from(await (await png(24, 12)).arrayBuffer())
  return client().files.upload({ file: await toFile(image, name), fileName: name, folder: '/sdk', tags })
}

describe('@imagekit/nodejs media API against the emulator (unchanged, baseURL only)', () => {
  it('lists, searches, gets, reads metadata, updates and deletes a file', async () => {
    const ik = client()
    const { fileId } = await uploadPhoto('one.png', ['t1'])
    await uploadPhoto('two.png')

    const listed = await ik.assets.list({ path: '/sdk', sort: 'ASC_NAME', limit: 10 })
    expect(listed.map((asset) => asset.name)).toEqual([
      expect.stringMatching(/^one/),
      expect.stringMatching(/^two/),
    ])
    const found = await ik.assets.list({ searchQuery: 'tags IN ["t1"]' })
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ fileId, type: 'file' })

    const file = await ik.files.get(fileId ?? '')
    expect(file).toMatchObject({ fileId, width: 24, height: 12, fileType: 'image', tags: ['t1'] })
    const metadata = await ik.files.metadata.get(fileId ?? '')
    expect(metadata).toMatchObject({ width: 24, height: 12, format: 'png' })

    const updated = await ik.files.update(fileId ?? '', { tags: ['t2'], customMetadata: { shot: 1 } })
    expect(updated).toMatchObject({ tags: ['t2'], customMetadata: { shot: 1 } })
    expect((await ik.files.get(fileId ?? '')).tags).toEqual(['t2'])

    await ik.files.delete(fileId ?? '')
    const gone = await ik.files.get(fileId ?? '').catch((error: unknown) => error)
    expect(gone).toBeInstanceOf(NotFoundError)
    expect(gone).toMatchObject({
      status: 404,
      error: { message: 'The requested file does not exist.', help: HELP },
    })
  })

  it('bulk-adds and removes tags, then bulk-deletes', async () => {
    const ik = client()
    const ids = [(await uploadPhoto('a.png')).fileId ?? '', (await uploadPhoto('b.png')).fileId ?? '']
    expect(await ik.files.bulk.addTags({ fileIds: ids, tags: ['x', 'y'] })).toEqual({
      successfullyUpdatedFileIds: ids,
    })
    await ik.files.bulk.removeTags({ fileIds: ids, tags: ['x'] })
    expect((await ik.assets.list()).map((asset) => (asset as { tags?: string[] }).tags)).toEqual([
      ['y'],
      ['y'],
    ])
    expect(await ik.files.bulk.delete({ fileIds: ids })).toEqual({ successfullyDeletedFileIds: ids })
    expect(await ik.assets.list()).toEqual([])
  })

  it('a Read only restricted key lists and gets, and is refused (403) on delete; a None key on both', async () => {
    const { fileId = '' } = await uploadPhoto('kept.png')
    const readOnly = client(h.emu.keys.add({ type: 'restricted', mediaAccess: 'read' }).privateKey)
    expect(await readOnly.assets.list()).toHaveLength(1)
    expect(await readOnly.files.get(fileId)).toMatchObject({ fileId })
    const refused = await readOnly.files.delete(fileId).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(PermissionDeniedError)
    expect(refused).toMatchObject({
      status: 403,
      error: { message: expect.stringMatching(/read and write media access/) },
    })

    const none = client(h.emu.keys.add({ type: 'restricted', mediaAccess: 'none' }).privateKey)
    for (const attempt of [none.assets.list(), none.files.get(fileId)]) {
      const error = await attempt.catch((reason: unknown) => reason)
      expect(error).toBeInstanceOf(PermissionDeniedError)
      expect(error).toMatchObject({ status: 403, error: { message: expect.stringMatching(/media access/) } })
    }
    expect(await h.emu.files()).toHaveLength(1)
  })

  it('surfaces a 429 as RateLimitError with the three headers', async () => {
    await h.emu.stop()
    h = await harness({ dataDir: h.dir, rateLimits: { listFiles: [{ limit: 1, intervalMs: 60_000 }] } })
    await client().assets.list()
    const error = await client()
      .assets.list()
      .catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(RateLimitError)
    const headers = (error as RateLimitError).headers
    expect([headers?.get('x-ratelimit-limit'), headers?.get('x-ratelimit-interval')]).toEqual(['1', '60000'])
    expect(headers?.get('x-ratelimit-reset')).toBe('60000')
  })
})
