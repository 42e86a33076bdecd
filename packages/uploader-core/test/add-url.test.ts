import { describe, expect, it, vi } from 'vitest'
import { createUploader, de, isUploadError } from '../src/index.js'
import { persistWith, type QueueStore, type StoredUpload } from '../src/persist/index.js'
import { createUppyBridge } from '../src/uppy-bridge.js'
import { settled, setupUploader as setup } from './helpers/fake-uploader.js'
import { FakeUploadServer, fakeSigner, makeFile, successBody, waitFor } from './helpers/fake-xhr.js'

async function refusal(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    if (isUploadError(error)) return error
    throw error
  }
  throw new Error('addUrl did not reject')
}

describe('addUrl: the link is checked at the door', () => {
  it.each([
    ['a relative path', '/images/cat.jpg'],
    ['no scheme', 'example.com/cat.jpg'],
    ['ftp', 'ftp://example.com/cat.jpg'],
    ['a data: URI', 'data:image/png;base64,iVBORw0KGgo='],
    ['javascript:', 'javascript:alert(1)'],
    ['a file: URL', 'file:///etc/passwd'],
    ['words', 'not a link'],
    ['an empty string', ''],
  ])('rejects %s with INVALID_URL, adds nothing and emits nothing', async (_what, url) => {
    const { uploader } = setup()
    const rejected = vi.fn()
    uploader.on('file-rejected', rejected)
    const error = await refusal(uploader.addUrl(url))
    expect(error.code).toBe('INVALID_URL')
    expect(error.message).toBe('Enter a full link starting with https:// or http://.')
    expect(uploader.getSnapshot().files).toHaveLength(0)
    expect(rejected).not.toHaveBeenCalled()
  })

  it('refuses a link with a user name or password, and says why', async () => {
    const { uploader } = setup()
    for (const url of ['https://bob:secret@example.com/a.jpg', 'https://bob@example.com/a.jpg']) {
      const error = await refusal(uploader.addUrl(url))
      expect(error.code).toBe('INVALID_URL')
      expect(error.message).toMatch(/user name or password can’t be added: the upload service would see them/)
    }
  })

  it('speaks the locale', async () => {
    const { uploader } = setup({ locale: de })
    expect((await refusal(uploader.addUrl('ftp://x.io/a'))).message).toMatch(
      /^Geben Sie einen vollständigen Link/,
    )
  })

  it('rejects arguments that are not strings with INVALID_INPUT', async () => {
    const { uploader } = setup()
    const notString = await refusal(uploader.addUrl(42 as never))
    expect(notString.code).toBe('INVALID_INPUT')
    expect(notString.message).toMatch(/addUrl\(url, name\?\) takes strings, got a number/)
    const badName = await refusal(uploader.addUrl('https://example.com/a.jpg', {} as never))
    expect(badName.code).toBe('INVALID_INPUT')
  })
})

describe('addUrl: the entry', () => {
  it('adds a queued file that carries the link, of unknown size, typed by its extension', async () => {
    const { uploader } = setup({ autoUpload: false })
    const added = vi.fn()
    uploader.on('file-added', added)
    const result = await uploader.addUrl('  https://cdn.example.com/pets/My%20Cat.JPG?w=800#top ')
    const file = result.added[0]!
    expect(file).toMatchObject({
      name: 'My Cat.JPG',
      url: 'https://cdn.example.com/pets/My%20Cat.JPG?w=800#top',
      size: 0,
      type: 'image/jpeg',
      status: 'queued',
      percent: 0,
    })
    expect(file.data.size).toBe(0)
    expect(added).toHaveBeenCalledWith({ file })
    expect(uploader.getSnapshot().totals).toMatchObject({ bytesTotal: 0, percent: 0 })
  })

  it.each([
    ['https://example.com/a/b/', 'b'],
    ['https://example.com', 'file'],
    ['https://example.com/a%2Fb%5Cc%00d.png', 'a_b_c_d.png'],
    ['https://example.com/100%.jpg', '100%.jpg'],
  ])('names %s “%s”', async (url, name) => {
    const { uploader } = setup({ autoUpload: false })
    expect((await uploader.addUrl(url)).added[0]?.name).toBe(name)
  })

  it('takes a name of its own, cleaned the same way', async () => {
    const { uploader } = setup({ autoUpload: false })
    expect((await uploader.addUrl('https://example.com/x?id=7', 'red/shoe.webp')).added[0]).toMatchObject({
      name: 'red_shoe.webp',
      type: 'image/webp',
    })
  })

  it('is a duplicate only for the same link: two links to photo.jpg are two files', async () => {
    const { uploader } = setup({ autoUpload: false })
    await uploader.addUrl('https://a.example/photo.jpg')
    expect((await uploader.addUrl('https://b.example/photo.jpg')).added).toHaveLength(1)
    const again = await uploader.addUrl('https://a.example/photo.jpg')
    expect(again.rejected[0]?.error.code).toBe('DUPLICATE_FILE')
    expect(again.rejected[0]?.url).toBe('https://a.example/photo.jpg')
  })

  it('applies the restrictions that need no bytes; size limits and validate are left to ImageKit', async () => {
    const validate = vi.fn(async () => false)
    const { uploader } = setup({
      autoUpload: false,
      restrictions: {
        allowedFileTypes: ['image/*'],
        maxFileSize: 10,
        minFileSize: 5,
        maxNumberOfFiles: 2,
        validate,
      },
    })
    const rejected = vi.fn()
    uploader.on('file-rejected', rejected)
    const pdf = await uploader.addUrl('https://example.com/report.pdf')
    expect(pdf.rejected[0]?.error.code).toBe('FILE_TYPE_NOT_ALLOWED')
    expect(rejected).toHaveBeenCalledWith(expect.objectContaining({ url: 'https://example.com/report.pdf' }))
    expect((await uploader.addUrl('https://example.com/no-extension')).rejected[0]?.error.code).toBe(
      'FILE_TYPE_NOT_ALLOWED',
    )
    expect((await uploader.addUrl('https://example.com/a.png')).added).toHaveLength(1)
    expect((await uploader.addUrl('https://example.com/b.png')).added).toHaveLength(1)
    expect((await uploader.addUrl('https://example.com/c.png')).rejected[0]?.error.code).toBe(
      'TOO_MANY_FILES',
    )
    expect(validate).not.toHaveBeenCalled()
  })

  it('is not prepared by preprocess (there are no bytes)', async () => {
    const preprocess = vi.fn(async (file: Blob) => file)
    const { uploader, server } = setup({ preprocess, restrictions: { minFileSize: 5 } })
    await uploader.addUrl('https://example.com/a.png')
    const snap = await waitFor(uploader, settled)
    expect(snap.files[0]?.status).toBe('success')
    expect(preprocess).not.toHaveBeenCalled()
    expect(server.requests).toHaveLength(1)
  })

  it('is a file of unknown size in Uppy, with the link in its id', () => {
    const bridge = createUppyBridge(
      {},
      () => {},
      () => ({ setTimeout: (run: () => void, ms: number) => setTimeout(run, ms), clearTimeout: () => {} }),
    )
    const [outcome] = bridge.addAll(
      [{ data: new Blob([]), name: 'a.png', url: 'https://example.com/a.png' }],
      { count: 0, bytes: 0 },
    )
    const id = (outcome as { file: { id: string } }).file.id
    expect(bridge.uppy.getFile(id)).toMatchObject({ size: null, isRemote: false, type: 'image/png' })
    expect(id).toContain('example')
    bridge.destroy()
  })
})

describe('addUrl: the upload', () => {
  it('sends the link as the `file` string and tells the signing route the link, not a size', async () => {
    const auth = vi.fn(async () => ({ token: 't1', expire: 4_000_000_000, signature: 's1' }))
    const { uploader, server } = setup({ auth, params: { folder: '/links' } })
    await uploader.addUrl('https://example.com/cat.jpg')
    await waitFor(uploader, settled)
    const body = server.requests[0]!.body!
    expect(body.get('file')).toBe('https://example.com/cat.jpg')
    expect(body.getAll('file')).toHaveLength(1)
    expect(body.get('fileName')).toBe('cat.jpg')
    expect(body.get('folder')).toBe('/links')
    const description = (auth.mock.calls[0] as unknown[])[0]
    expect(description).toEqual({
      folder: '/links',
      fileName: 'cat.jpg',
      url: 'https://example.com/cat.jpg',
      type: 'image/jpeg',
    })
  })

  it('POSTs the link to the signing route', async () => {
    const { uploader, signer } = setup({ auth: { url: 'https://app.example/auth', method: 'POST' } })
    await uploader.addUrl('https://example.com/cat.jpg')
    await vi.waitFor(() => expect(signer.calls.length).toBeGreaterThan(0))
    uploader.destroy()
    const sent = JSON.parse(String(signer.calls[0]!.init.body)) as Record<string, unknown>
    const described = (sent.files as Record<string, unknown>[] | undefined)?.[0] ?? sent
    expect(described).toMatchObject({ fileName: 'cat.jpg', url: 'https://example.com/cat.jpg' })
    expect(described).not.toHaveProperty('size')
  })

  it('stays at 0 % while ImageKit downloads, then takes the stored size', async () => {
    const { uploader, server } = setup()
    server.onRequest = () => {}
    await uploader.addFiles([makeFile('a.png', 1000)])
    await uploader.addUrl('https://example.com/b.png')
    await waitFor(uploader, (s) => s.counts.uploading === 2)
    const [bytes, link] = server.requests
    bytes!.progress(500, 1000)
    link!.progress(300, 300) // the multipart body of a link is a few fields: not the file's progress
    let snap = await waitFor(uploader, (s) => s.files[0]?.bytesUploaded === 500)
    expect(snap.files[1]).toMatchObject({ status: 'uploading', percent: 0, bytesUploaded: 0 })
    expect(snap.totals).toMatchObject({ bytesTotal: 1000, bytesUploaded: 500, percent: 50 })
    link!.respond(200, { ...successBody('b.png'), size: 4096 })
    snap = await waitFor(uploader, (s) => s.files[1]?.status === 'success')
    expect(snap.files[1]).toMatchObject({ size: 4096, bytesUploaded: 4096, percent: 100 })
    expect(snap.totals).toMatchObject({ bytesTotal: 5096, bytesUploaded: 4596 })
    bytes!.respond(200, successBody('a.png'))
    snap = await waitFor(uploader, (s) => !s.isUploading)
    expect(snap.totals.percent).toBe(100)
  })

  it('retries a failed download with a fresh signature, and cancels like a file', async () => {
    const { uploader, server, signer } = setup()
    let calls = 0
    server.onRequest = (xhr) => {
      calls++
      if (calls === 1) setTimeout(() => xhr.respond(500, { message: 'boom' }), 0)
      else if (calls === 2) setTimeout(() => xhr.respond(200, successBody('a.png')), 0)
    }
    await uploader.addUrl('https://example.com/a.png')
    const snap = await waitFor(uploader, settled)
    expect(snap.files[0]).toMatchObject({ status: 'success', attempt: 2 })
    expect(server.requests.map((r) => r.field('file'))).toEqual([
      'https://example.com/a.png',
      'https://example.com/a.png',
    ])
    expect(new Set(server.requests.map((r) => r.field('token'))).size).toBe(2)
    expect(signer.calls).toHaveLength(2)

    await uploader.addUrl('https://example.com/hangs.png')
    const hanging = await waitFor(uploader, (s) => s.files[1]?.status === 'uploading')
    uploader.cancel(hanging.files[1]!.id)
    expect(server.requests[2]?.aborted).toBe(true)
    expect(uploader.getSnapshot().files[1]?.status).toBe('cancelled')
  })

  it('does nothing after destroy', async () => {
    const { uploader } = setup()
    uploader.destroy()
    expect(await uploader.addUrl('https://example.com/a.png')).toEqual({ added: [], rejected: [] })
  })
})

describe('addUrl: the persisted queue', () => {
  function memoryQueue(): QueueStore & { kept: Map<string, StoredUpload> } {
    const kept = new Map<string, StoredUpload>()
    return {
      kept,
      load: async () => [...kept.values()],
      put: async (upload) => void kept.set(upload.id, upload),
      delete: async (id) => void kept.delete(id),
      clear: async () => kept.clear(),
    }
  }

  it('keeps a link across a reload and resumes it as the same link, once', async () => {
    const queue = memoryQueue()
    const stalled = new FakeUploadServer()
    stalled.onRequest = () => {}
    const before = createUploader({
      publicKey: 'public_test',
      auth: 'https://app.example/auth',
      xhr: stalled.xhr,
      fetch: fakeSigner().fetch,
      persist: persistWith(queue),
    })
    await before.addUrl('https://example.com/cat.jpg', 'kitty.jpg')
    await waitFor(before, (s) => s.counts.uploading === 1)
    expect([...queue.kept.values()][0]).toMatchObject({
      url: 'https://example.com/cat.jpg',
      name: 'kitty.jpg',
    })
    before.destroy()

    const { uploader, server } = setup({ persist: persistWith(queue) })
    await waitFor(uploader, (s) => s.restored === 1)
    const { added } = await uploader.resumeRestored()
    expect(added[0]).toMatchObject({ name: 'kitty.jpg', url: 'https://example.com/cat.jpg', size: 0 })
    await waitFor(uploader, settled)
    expect(server.requests).toHaveLength(1)
    expect(server.requests[0]!.field('file')).toBe('https://example.com/cat.jpg')
    // the name it was first sent under: a second copy would be refused, not stored
    expect(server.requests[0]!.field('fileName')).toBe(stalled.requests[0]!.field('fileName'))
    expect(server.requests[0]!.field('fileName')).toMatch(/^kitty_[a-z0-9]+\.jpg$/)
  })
})
