import { describe, expect, it, vi } from 'vitest'
import { createUploader, type UploaderOptions } from '../src/index.js'
import { FakeUploadServer, fakeSigner, makeFile, waitFor } from './helpers/fake-xhr.js'

function setup(preprocess: NonNullable<UploaderOptions['preprocess']>, extra: Partial<UploaderOptions> = {}) {
  const server = new FakeUploadServer()
  const uploader = createUploader({
    publicKey: 'pk',
    auth: 'https://app.example/auth',
    xhr: server.xhr,
    fetch: fakeSigner().fetch,
    preprocess,
    ...extra,
  })
  return { server, uploader }
}

const shrink = (to: number) =>
  vi.fn(async (file: File | Blob) => new File([new Uint8Array(to)], (file as File).name, { type: file.type }))

describe('preprocess', () => {
  it('uploads what it made; the size limits apply to that, and the original size is kept', async () => {
    const preprocess = shrink(10)
    const { server, uploader } = setup(preprocess, { restrictions: { maxFileSize: 20 } })
    const { added, rejected } = await uploader.addFiles([makeFile('big.png', 30)])
    expect(rejected).toEqual([]) // 30 bytes > 20, but it becomes 10
    await waitFor(uploader, (s) => s.counts.success === 1)
    expect(preprocess).toHaveBeenCalledTimes(1)
    expect((server.requests[0]!.body!.get('file') as File).size).toBe(10)
    expect(uploader.getFile(added[0]!.id)).toMatchObject({ size: 10, originalSize: 30 })
  })

  it('checks the type first: a refused type never reaches preprocess', async () => {
    const preprocess = shrink(1)
    const { uploader } = setup(preprocess, { restrictions: { allowedFileTypes: ['image/*'] } })
    const { rejected } = await uploader.addFiles([makeFile('notes.txt', 5, 'text/plain')])
    expect(rejected[0]?.error.code).toBe('FILE_TYPE_NOT_ALLOWED')
    expect(preprocess).not.toHaveBeenCalled()
  })

  it('fails a file that is still too large after preparing, with FILE_TOO_LARGE', async () => {
    const { server, uploader } = setup(shrink(25), { restrictions: { maxFileSize: 20 } })
    const failed = vi.fn()
    uploader.on('upload-error', ({ error }) => failed(error.code))
    await uploader.addFiles([makeFile('big.png', 30)])
    const snap = await waitFor(uploader, (s) => s.counts.error === 1)
    expect(snap.files[0]?.error?.code).toBe('FILE_TOO_LARGE')
    expect(failed).toHaveBeenCalledWith('FILE_TOO_LARGE')
    expect(server.requests).toHaveLength(0)
  })

  it('prepares one file at a time, shown as preparing, ahead of the upload slots', async () => {
    let running = 0
    let most = 0
    const preprocess = vi.fn(async (file: File | Blob) => {
      most = Math.max(most, ++running)
      await new Promise((resolve) => setTimeout(resolve, 5))
      running--
      return file
    })
    const { uploader } = setup(preprocess, { concurrency: 3, throttleMs: 0 })
    const seen = new Set<string>()
    uploader.subscribe(() => {
      for (const file of uploader.getSnapshot().files) seen.add(file.status)
    })
    await uploader.addFiles(['a', 'b', 'c', 'd'].map((n) => makeFile(`${n}.png`)))
    await waitFor(uploader, (s) => s.counts.success === 4)
    expect(most).toBe(1)
    expect(seen.has('preparing')).toBe(true)
  })

  it('uploads the original when preprocess fails, with a console note', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { server, uploader } = setup(async () => {
      throw new Error('cannot decode')
    })
    await uploader.addFiles([makeFile('odd.png', 7)])
    await waitFor(uploader, (s) => s.counts.success === 1)
    expect((server.requests[0]!.body!.get('file') as File).size).toBe(7)
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/preparing “odd.png” failed; uploading the original/)
    warn.mockRestore()
  })

  it('cancel during preparation aborts it; nothing is uploaded; retry prepares again', async () => {
    let signal: AbortSignal | undefined
    const preprocess = vi.fn(
      (file: File | Blob, context: { signal: AbortSignal }) =>
        new Promise<File | Blob>((resolve) => {
          signal = context.signal
          if (preprocess.mock.calls.length > 1) resolve(file)
        }),
    )
    const { server, uploader } = setup(preprocess)
    const { added } = await uploader.addFiles([makeFile('a.png')])
    await waitFor(uploader, (s) => s.files[0]?.status === 'preparing')
    uploader.cancel(added[0]!.id)
    expect(signal?.aborted).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(uploader.getFile(added[0]!.id)?.status).toBe('cancelled')
    expect(server.requests).toHaveLength(0)
    uploader.retry(added[0]!.id)
    await waitFor(uploader, (s) => s.counts.success === 1)
    expect(preprocess).toHaveBeenCalledTimes(2)
  })

  it('detectType lets a file the browser gave no type pass allowedFileTypes by its bytes', async () => {
    const preprocess = Object.assign(async (file: File | Blob) => file, {
      detectType: async () => 'image/heic',
    })
    const { uploader } = setup(preprocess, {
      restrictions: { allowedFileTypes: ['image/*'] },
      autoUpload: false,
    })
    const { added, rejected } = await uploader.addFiles([
      new File([new Uint8Array(4)], 'IMG_0001', { type: '' }),
    ])
    expect(rejected).toEqual([])
    expect(added[0]?.type).toBe('image/heic')
  })
})
