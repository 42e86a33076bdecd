import { afterEach, describe, expect, it } from 'vitest'
import { eventually, type Harness, HELP, harness, stopHarness, uploadV1 } from './helpers.js'

let h: Harness | undefined
afterEach(async () => {
  await stopHarness(h)
  h = undefined
})

const bytes = (n: number) => new Blob([new Uint8Array(n).fill(65)])

describe('size limits and quota', () => {
  it('refuses a file over maxFileSize while streaming, keeping nothing', async () => {
    h = await harness({ maxFileSize: 1000 })
    expect((await uploadV1(h, { file: bytes(1000) })).status).toBe(200)
    const answer = await uploadV1(h, { file: bytes(300_000) })
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual({
      message: 'Your request contains invalid file parameter. The file size exceeds limits.',
      help: HELP,
    })
    await eventually(() => h?.emu.tempFiles().length === 0)
    expect(await h.emu.files()).toHaveLength(1)
  })

  it('defaults to the free plan’s 25 MB', async () => {
    h = await harness()
    const answer = await uploadV1(h, { file: bytes(25 * 1024 * 1024 + 1) })
    expect(answer.body.message).toMatch(/file size exceeds limits/)
  })

  it('refuses an upload past the storage quota with the 403 limit answer', async () => {
    h = await harness({ storageQuota: 1500 })
    expect((await uploadV1(h, { file: bytes(1000) })).status).toBe(200)
    const over = await uploadV1(h, { file: bytes(600) })
    expect(over.status).toBe(403)
    expect(over.body).toEqual({ message: 'Upload Limit Exceeded.', help: HELP })
    h.emu.setStorageQuota(Number.POSITIVE_INFINITY)
    expect((await uploadV1(h, { file: bytes(600) })).status).toBe(200)
    expect(await h.emu.files()).toHaveLength(2)
  })

  it('refuses an empty file', async () => {
    h = await harness()
    const answer = await uploadV1(h, { file: bytes(0) })
    expect(answer.status).toBe(400)
    expect(answer.body.message).toMatch(/invalid file parameter/)
  })
})

describe('fields', () => {
  it('tags: at most 500 characters, no %', async () => {
    h = await harness()
    const ok = await uploadV1(h, { tags: 'a'.repeat(500), responseFields: 'tags' })
    expect(ok.status).toBe(200)
    expect((await uploadV1(h, { tags: 'a'.repeat(501) })).body.message).toMatch(/invalid tags parameter/)
    expect((await uploadV1(h, { tags: '100%' })).status).toBe(400)
  })

  it('folder: nested up to 50 levels, normalised', async () => {
    h = await harness()
    const deep = Array.from({ length: 50 }, (_, i) => `f${i}`).join('/')
    const ok = await uploadV1(h, { folder: deep, useUniqueFileName: 'false' })
    expect(ok.body.filePath).toBe(`/${deep}/hello.txt`)
    const tooDeep = await uploadV1(h, { folder: `${deep}/one-more` })
    expect(tooDeep.status).toBe(400)
    expect(tooDeep.body.message).toMatch(/invalid folder parameter/)
    const odd = await uploadV1(h, { folder: '//a b//ç/', useUniqueFileName: 'false' })
    expect(odd.body.filePath).toBe('/a_b/ç/hello.txt')
  })

  it('fileName: sanitised, unicode kept, unique suffix by default', async () => {
    h = await harness()
    const plain = await uploadV1(h, { fileName: 'my photo (1)&x.JPG', useUniqueFileName: 'false' })
    expect(plain.body.name).toBe('my_photo__1__x.JPG')
    const unicode = await uploadV1(h, { fileName: 'café-日本.png', useUniqueFileName: 'false' })
    expect(unicode.body.name).toBe('café-日本.png')
    const unique = await uploadV1(h, { fileName: 'report.final.pdf' })
    expect(unique.body.name).toMatch(/^report\.final_[A-Za-z0-9_-]{9}\.pdf$/)
    const noExt = await uploadV1(h, { fileName: 'README' })
    expect(noExt.body.name).toMatch(/^README_[A-Za-z0-9_-]{9}$/)
  })

  it('booleans must be "true" or "false"; JSON fields must parse', async () => {
    h = await harness()
    expect((await uploadV1(h, { useUniqueFileName: 'yes' })).body.message).toBe(
      'Your request contains invalid useUniqueFileName parameter.',
    )
    expect((await uploadV1(h, { customMetadata: '{nope' })).status).toBe(400)
    expect((await uploadV1(h, { extensions: '{"name":"x"}' })).status).toBe(400)
    expect((await uploadV1(h, { customCoordinates: '1,2,3' })).status).toBe(400)
    expect((await uploadV1(h, { responseFields: 'tags,secrets' })).status).toBe(400)
    expect((await uploadV1(h, { webhookUrl: 'ftp://x' })).status).toBe(400)
  })

  it('transformation: validated, images and videos only', async () => {
    h = await harness()
    const bad = await uploadV1(h, { transformation: '{"post":"x"}' })
    expect(bad.body.message).toBe(
      'The file could not be uploaded because the transformation field is invalid.',
    )
    const text = await uploadV1(h, { transformation: '{"pre":"w-100"}' })
    expect(text.body.message).toBe(
      'The file could not be uploaded because transformations are supported only for image and video files.',
    )
  })

  it('extensions are acknowledged in extensionStatus', async () => {
    h = await harness()
    const answer = await uploadV1(h, { extensions: '[{"name":"google-auto-tagging","maxTags":5}]' })
    expect(answer.body.extensionStatus).toEqual({ 'google-auto-tagging': 'success' })
  })
})

describe('overwrite rules', () => {
  it('replaces a file at the same path as a new version', async () => {
    h = await harness()
    const first = await uploadV1(h, { useUniqueFileName: 'false', tags: 'one', customMetadata: '{"a":1}' })
    const second = await uploadV1(h, {
      file: new Blob(['second version']),
      useUniqueFileName: 'false',
      overwriteTags: 'false',
      responseFields: 'tags,customMetadata',
    })
    expect(second.status).toBe(200)
    expect(second.body.fileId).toBe(first.body.fileId)
    expect(second.body.versionInfo).toMatchObject({ name: 'Version 2' })
    expect((second.body.versionInfo as { id: string }).id).not.toBe(first.body.fileId)
    expect(second.body.tags).toEqual(['one'])
    expect(second.body.customMetadata).toEqual({})
    const files = await h.emu.files()
    expect(files).toHaveLength(1)
    expect(files[0]?.size).toBe(14)
  })

  it('refuses with ImageKit’s conflict message when both flags are false', async () => {
    h = await harness()
    await uploadV1(h, { useUniqueFileName: 'false' })
    const answer = await uploadV1(h, { useUniqueFileName: 'false', overwriteFile: 'false' })
    expect(answer.status).toBe(400)
    expect(answer.body.message).toBe(
      'A file with the same name already exists at the exact location. We could not overwrite it because both overwriteFile and useUniqueFileName are set to false.',
    )
    expect((await uploadV1(h, { overwriteFile: 'false' })).status).toBe(200)
  })
})

describe('checks', () => {
  it('runs the documented examples', async () => {
    h = await harness()
    expect((await uploadV1(h, { checks: '"file.size" < "1mb"' })).status).toBe(200)
    const big = await uploadV1(h, { file: bytes(2 * 1024 * 1024), checks: '"file.size" < "1mb"' })
    expect(big.body).toEqual({ message: "Your request failed 'checks' validation.", help: HELP })
    const folder = '"request.folder" : "marketing/"'
    expect((await uploadV1(h, { folder: '/marketing', checks: folder })).status).toBe(200)
    expect((await uploadV1(h, { folder: '/sales', checks: folder })).body.message).toMatch(/failed 'checks'/)
    const both = '"file.size" > "5b" AND ("file.mime" : "text/plain" OR NOT "request.folder" : "x")'
    expect((await uploadV1(h, { checks: both })).status).toBe(200)
  })

  it('reports bad syntax', async () => {
    h = await harness()
    for (const checks of ['file.size < 1mb', '"file.size" <', '"nope.key" : "x"', '"file.size" < "lots"']) {
      const answer = await uploadV1(h, { checks })
      expect(answer.body.message, checks).toBe(
        'Your request contains invalid syntax for the checks parameter.',
      )
    }
  })
})
