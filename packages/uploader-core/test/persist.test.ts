// @vitest-environment node
// Node's own Blob and File (jsdom's cannot be structured-cloned into IndexedDB); fake-indexeddb is a
// complete in-memory IndexedDB. The real browser one is exercised by the e2e reload tests.
import { IDBFactory } from 'fake-indexeddb'
import { describe, expect, it, vi } from 'vitest'
import { createUploader, type UploaderOptions } from '../src/index.js'
import { indexedDbQueue, persistQueue } from '../src/persist/index.js'
import { FakeUploadServer, fakeSigner, successBody, waitFor } from './helpers/fake-xhr.js'

const file = (name: string, size = 8) =>
  new File([new Uint8Array(size).fill(7)], name, { type: 'image/png', lastModified: 1 })

function uploaderWith(indexedDB: IDBFactory, server: FakeUploadServer, extra: Partial<UploaderOptions> = {}) {
  return createUploader({
    publicKey: 'public_test',
    auth: 'https://app.example/auth',
    xhr: server.xhr,
    fetch: fakeSigner().fetch,
    persist: persistQueue({ indexedDB }),
    retry: { baseDelayMs: 1, maxDelayMs: 1 },
    ...extra,
  })
}

const stalled = () => {
  const server = new FakeUploadServer()
  server.onRequest = () => {} // never answers: the page "closes" mid-upload
  return server
}

describe('persist: the queue survives a reload', () => {
  it('restores unfinished files after a "reload" and uploads each once on resumeRestored()', async () => {
    const indexedDB = new IDBFactory()
    const first = uploaderWith(indexedDB, stalled(), { concurrency: 1 })
    await first.addFiles(['a.png', 'b.png', 'c.png'].map((n) => file(n)))
    await waitFor(first, (s) => s.counts.uploading === 1)
    await new Promise((resolve) => setTimeout(resolve, 20)) // the writes reach IndexedDB
    first.destroy() // the tab is gone

    const server = new FakeUploadServer()
    const second = uploaderWith(indexedDB, server)
    const restored = await waitFor(second, (s) => s.restored === 3)
    expect(restored.files).toHaveLength(0) // nothing uploads before the user says so
    const { added } = await second.resumeRestored()
    expect(added.map((f) => f.name)).toEqual(['a.png', 'b.png', 'c.png'])
    await waitFor(second, (s) => s.counts.success === 3)
    expect(second.getSnapshot().restored).toBe(0)
    expect(server.requests).toHaveLength(3)
    // each kept its own unique upload name, with no unique suffix and no overwrite
    const names = server.requests.map((r) => r.field('fileName'))
    expect(names.every((n) => /^[abc]_[a-z0-9]{1,8}\.png$/.test(n ?? ''))).toBe(true)
    expect(server.requests.map((r) => r.field('overwriteFile'))).toEqual(['false', 'false', 'false'])
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(await indexedDbQueue({ indexedDB }).load()).toEqual([]) // finished files free their storage
  })

  it('a resumed file ImageKit already holds (its answer was lost) counts as uploaded, not stored twice', async () => {
    const indexedDB = new IDBFactory()
    const first = uploaderWith(indexedDB, stalled())
    await first.addFiles([file('a.png')])
    await waitFor(first, (s) => s.counts.uploading === 1)
    await new Promise((resolve) => setTimeout(resolve, 20))
    const uploadName = (await indexedDbQueue({ indexedDB }).load())[0]?.uploadName
    first.destroy()

    const server = new FakeUploadServer()
    server.onRequest = (xhr) =>
      xhr.field('fileName') === uploadName
        ? xhr.respond(400, {
            message:
              'A file with the same name already exists at the exact location. We could not overwrite it because both overwriteFile and useUniqueFileName are set to false.',
          })
        : xhr.respond(200, successBody('x'))
    const second = uploaderWith(indexedDB, server)
    await waitFor(second, (s) => s.restored === 1)
    await second.resumeRestored()
    const done = await waitFor(second, (s) => !s.isUploading && s.files.length === 1)
    expect(done.files[0]).toMatchObject({ status: 'success', result: { alreadyUploaded: true } })
  })

  it('discardRestored empties the store; finished and removed files are never kept', async () => {
    const indexedDB = new IDBFactory()
    const first = uploaderWith(indexedDB, stalled(), { autoUpload: false })
    const { added } = await first.addFiles([file('a.png'), file('b.png')])
    first.remove(added[0]!.id)
    await new Promise((resolve) => setTimeout(resolve, 20))
    first.destroy()
    const second = uploaderWith(indexedDB, new FakeUploadServer())
    await waitFor(second, (s) => s.restored === 1)
    await second.discardRestored()
    expect(second.getSnapshot().restored).toBe(0)
    expect(await indexedDbQueue({ indexedDB }).load()).toEqual([])
  })

  it('without IndexedDB it says so once and uploads as usual', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const server = new FakeUploadServer()
    const uploader = createUploader({
      publicKey: 'pk',
      auth: 'https://app.example/auth',
      xhr: server.xhr,
      fetch: fakeSigner().fetch,
      persist: persistQueue({ indexedDB: undefined as unknown as IDBFactory }),
    })
    await uploader.addFiles([file('a.png')])
    await waitFor(uploader, (s) => s.counts.success === 1)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/cannot be kept across reloads/)
    expect(server.requests[0]?.field('fileName')).toBe('a.png')
    warn.mockRestore()
  })
})
