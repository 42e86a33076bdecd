import { describe, expect, it, vi } from 'vitest'
import {
  createUploader,
  de,
  type FileRejection,
  type Restrictions,
  type UploadErrorCode,
  type UploaderOptions,
} from '../src/index.js'
import { FakeUploadServer, fakeSigner, makeFile } from './helpers/fake-xhr.js'

function setup(restrictions: Restrictions, extra: Partial<UploaderOptions> = {}) {
  const server = new FakeUploadServer()
  const uploader = createUploader({
    publicKey: 'pk',
    auth: 'https://app.example/auth',
    xhr: server.xhr,
    fetch: fakeSigner().fetch,
    autoUpload: false,
    restrictions,
    ...extra,
  })
  return { uploader, server }
}

const codes = (rejected: readonly FileRejection[]) => rejected.map((r) => r.error.code)

describe('restrictions', () => {
  it('rejects with the right codes and messages naming the file and the limit', async () => {
    const { uploader } = setup({ maxFileSize: 1000, minFileSize: 10, allowedFileTypes: ['image/*', '.pdf'] })
    const onRejected = vi.fn()
    uploader.on('file-rejected', onRejected)
    const { added, rejected } = await uploader.addFiles([
      makeFile('big.png', 5000),
      makeFile('tiny.png', 1),
      makeFile('notes.txt', 100, 'text/plain'),
      makeFile('ok.jpg', 100, 'image/jpeg'),
      makeFile('doc.pdf', 100, ''),
    ])
    expect(added.map((f) => f.name)).toEqual(['ok.jpg', 'doc.pdf'])
    expect(codes(rejected)).toEqual<UploadErrorCode[]>([
      'FILE_TOO_LARGE',
      'FILE_TOO_SMALL',
      'FILE_TYPE_NOT_ALLOWED',
    ])
    expect(rejected[0]!.error.message).toBe('“big.png” is too large (5 kB). Files can be at most 1 kB.')
    expect(rejected[2]!.error.message).toContain('image/*, .pdf')
    expect(onRejected).toHaveBeenCalledTimes(3)
    expect(uploader.getSnapshot().files.map((f) => f.status)).toEqual(['queued', 'queued'])
  })

  it('counts files and total size, and refuses duplicates', async () => {
    const { uploader } = setup({ maxNumberOfFiles: 2, maxTotalFileSize: 250 })
    const a = makeFile('a.png', 100)
    const first = await uploader.addFiles([a, a])
    expect(codes(first.rejected)).toEqual(['DUPLICATE_FILE'])
    const second = await uploader.addFiles([
      makeFile('b.png', 200),
      makeFile('c.png', 100),
      makeFile('d.png', 1),
    ])
    expect(codes(second.rejected)).toEqual(['TOTAL_SIZE_EXCEEDED', 'TOO_MANY_FILES'])
    expect(second.rejected[1]!.error.message).toContain('at most 2 files')
  })

  it('a dropped folder of 600 files is added in order, each refusal reported for its own file', async () => {
    const { uploader } = setup({ maxFileSize: 1000, maxNumberOfFiles: 590 })
    const files = Array.from({ length: 600 }, (_, i) => makeFile(`f${i}.png`, i % 100 === 7 ? 5000 : 10))
    const { added, rejected } = await uploader.addFiles(files)
    expect(rejected.filter((r) => r.error.code === 'FILE_TOO_LARGE').map((r) => r.name)).toEqual([
      'f7.png',
      'f107.png',
      'f207.png',
      'f307.png',
      'f407.png',
      'f507.png',
    ])
    // 594 fit the size; a batch over maxNumberOfFiles is added one by one up to the limit
    expect(added).toHaveLength(590)
    expect(codes(rejected).filter((c) => c === 'TOO_MANY_FILES')).toHaveLength(4)
    expect(uploader.getSnapshot().files.map((f) => f.name)).toEqual(added.map((f) => f.name))
    expect(added[0]!.name).toBe('f0.png')
  })

  it('runs the async validate(file) and maps a refusal to VALIDATION_FAILED', async () => {
    const { uploader } = setup({
      validate: async (file) =>
        (file as File).name.startsWith('secret') ? 'Secret files stay here.' : undefined,
    })
    const { added, rejected } = await uploader.addFiles([makeFile('secret.png'), makeFile('public.png')])
    expect(added.map((f) => f.name)).toEqual(['public.png'])
    expect(rejected[0]!.error).toMatchObject({ code: 'VALIDATION_FAILED', retryable: false })
    expect(rejected[0]!.error.message).toBe('“secret.png” cannot be uploaded. Secret files stay here.')
  })

  it('localises messages and lets single messages be overridden', async () => {
    const { uploader } = setup(
      { maxFileSize: 10 },
      { locale: de, messages: { FILE_TYPE_NOT_ALLOWED: 'nope' } },
    )
    const { rejected } = await uploader.addFiles([makeFile('groß.png', 100)])
    expect(rejected[0]!.error.message).toBe(
      '„groß.png“ ist zu groß (100 bytes). Erlaubt sind höchstens 10 bytes.',
    )
  })

  it('does not upload with autoUpload off until upload() is called', async () => {
    const { uploader, server } = setup({})
    await uploader.addFiles([makeFile('a.png')])
    await new Promise((r) => setTimeout(r, 10))
    expect(server.requests).toHaveLength(0)
    await uploader.upload()
    expect(server.requests).toHaveLength(1)
    expect(uploader.getSnapshot().counts.success).toBe(1)
  })
})
