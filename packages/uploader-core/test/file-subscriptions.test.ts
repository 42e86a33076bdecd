import { describe, expect, it, vi } from 'vitest'
import { createUploader } from '../src/index.js'
import { FakeUploadServer, fakeSigner, makeFile, successBody, waitFor } from './helpers/fake-xhr.js'

function setup(server = new FakeUploadServer()) {
  const uploader = createUploader({
    publicKey: 'public_test',
    auth: 'https://app.example/api/imagekit/auth',
    xhr: server.xhr,
    fetch: fakeSigner().fetch,
    autoUpload: false,
    throttleMs: 0,
  })
  return { server, uploader }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('one file at a time', () => {
  it('getFile reads the record the snapshot holds; subscribeFile hears only that file', async () => {
    const { uploader } = setup()
    const { added } = await uploader.addFiles([makeFile('a.png'), makeFile('b.png')])
    const [a, b] = added.map((file) => file.id) as [string, string]
    expect(uploader.getFile(a)).toBe(uploader.getSnapshot().files[0])
    const onA = vi.fn()
    const onB = vi.fn()
    uploader.subscribeFile(a, onA)
    uploader.subscribeFile(b, onB)
    uploader.cancel(a)
    await tick()
    expect(onA).toHaveBeenCalledTimes(1)
    expect(onB).not.toHaveBeenCalled()
    expect(uploader.getFile(a)?.status).toBe('cancelled')
    expect(uploader.getFile(b)).toBe(uploader.getSnapshot().files[1]) // untouched records are shared
  })

  it('tells a file’s listener when it is removed, and getFile then answers undefined', async () => {
    const { uploader } = setup()
    const { added } = await uploader.addFiles([makeFile('a.png')])
    const id = added[0]!.id
    const listener = vi.fn()
    const unsubscribe = uploader.subscribeFile(id, listener)
    uploader.remove(id)
    await tick()
    expect(listener).toHaveBeenCalledTimes(1)
    expect(uploader.getFile(id)).toBeUndefined()
    unsubscribe()
  })

  it('keeps unchanged snapshots identical and changes only the records that changed', async () => {
    const { uploader } = setup()
    await uploader.addFiles([makeFile('a.png'), makeFile('b.png')])
    const before = uploader.getSnapshot()
    expect(uploader.getSnapshot()).toBe(before)
    uploader.cancel(before.files[0]!.id)
    const after = uploader.getSnapshot()
    expect(after).not.toBe(before)
    expect(before.files[0]!.status).toBe('queued') // the old snapshot is not touched
    expect(after.files[1]).toBe(before.files[1])
    expect(after.counts).toMatchObject({ queued: 1, cancelled: 1, total: 2, active: 1 })
  })
})

describe('clearFinished', () => {
  it('drops every finished file in one change and keeps the others', async () => {
    const server = new FakeUploadServer()
    server.onRequest = (xhr) => {
      const name = xhr.field('fileName')!
      if (name === 'bad.png') xhr.respond(400, { message: 'nope' })
      else if (name !== 'slow.png') xhr.respond(200, successBody(name))
    }
    const { uploader } = setup(server)
    const { added } = await uploader.addFiles(
      ['ok.png', 'bad.png', 'gone.png', 'slow.png', 'wait.png'].map((n) => makeFile(n)),
    )
    uploader.cancel(added[2]!.id)
    void uploader.upload()
    await waitFor(uploader, (s) => s.counts.success === 2 && s.counts.error === 1)
    const listener = vi.fn()
    uploader.subscribe(listener)
    uploader.clearFinished()
    await tick()
    expect(listener).toHaveBeenCalledTimes(1)
    expect(uploader.getSnapshot().files.map((f) => f.name)).toEqual(['slow.png'])
    expect(uploader.getSnapshot().totals.bytesTotal).toBe(added[3]!.size)
  })
})

describe('many files', () => {
  it('adds 5,000 files in slices that give the browser a turn, all of them in order', async () => {
    const { uploader } = setup()
    const heard = vi.fn()
    uploader.subscribe(heard)
    let breaks = 0
    const timer = setInterval(() => breaks++, 0)
    const { added } = await uploader.addFiles(
      Array.from({ length: 5000 }, (_, i) => makeFile(`f${i}.png`, i + 1)),
    )
    clearInterval(timer)
    expect(added).toHaveLength(5000)
    expect(
      uploader
        .getSnapshot()
        .files.map((f) => f.name)
        .slice(0, 3),
    ).toEqual(['f0.png', 'f1.png', 'f2.png'])
    expect(uploader.getSnapshot().counts.queued).toBe(5000)
    expect(breaks).toBeGreaterThan(0) // other tasks ran while the files were taken in
  })

  it('applies the aggregate limits per file, in order: those that fit get in', async () => {
    const uploader = createUploader({
      publicKey: 'pk',
      auth: 'https://app.example/auth',
      autoUpload: false,
      restrictions: { maxNumberOfFiles: 3, maxTotalFileSize: 25 },
    })
    const { added, rejected } = await uploader.addFiles(
      [10, 10, 10, 1, 1].map((size, i) => makeFile(`f${i}.png`, size)),
    )
    expect(added.map((f) => f.name)).toEqual(['f0.png', 'f1.png', 'f3.png'])
    expect(rejected.map((r) => r.error.code)).toEqual(['TOTAL_SIZE_EXCEEDED', 'TOO_MANY_FILES'])
  })
})
