import { afterEach, describe, expect, it } from 'vitest'
import { PLAN_LIMITS } from '../src/index.js'
import { sizeClassOf } from '../src/size-class.js'
import { eventually, type Harness, HELP, harness, png, stopHarness, uploadV1 } from './helpers.js'

let h: Harness | undefined
afterEach(async () => {
  await stopHarness(h)
  h = undefined
})

const bytes = (n: number) => new Blob([new Uint8Array(n).fill(65)])
const MB = 1024 * 1024
const TOO_LARGE = 'Your request contains invalid file parameter. The file size exceeds limits.'

/** An ISO-BMFF header with this major brand (`isom` = MP4 video, `heic` = HEIF image), padded to n bytes. */
function isoFile(brand: string, n: number): Uint8Array<ArrayBuffer> {
  const file = new Uint8Array(n)
  file.set(Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from(`ftyp${brand}\0\0\0\0${brand}mp41`)]))
  return file
}

/** A real PNG, padded with zeros to n bytes (its type is still sniffed from the first bytes). */
async function bigPng(n: number): Promise<Blob> {
  const head = new Uint8Array(await (await png(8, 8)).arrayBuffer())
  const file = new Uint8Array(n)
  file.set(head)
  return new Blob([file], { type: 'image/png' })
}

describe('size limits per file type and plan', () => {
  it('the free plan (default): a 30 MB image is refused, a 30 MB video is stored', async () => {
    h = await harness()
    const image = await uploadV1(h, { file: await bigPng(30 * MB), fileName: 'big.png' })
    expect(image.status).toBe(400)
    expect(image.body).toEqual({ message: TOO_LARGE, help: HELP })
    const video = await uploadV1(h, { file: new Blob([isoFile('isom', 30 * MB)]), fileName: 'clip.mp4' })
    expect(video.status).toBe(200)
    expect(video.body.size).toBe(30 * MB)
    expect((await h.emu.files()).map((file) => file.size)).toEqual([30 * MB])
    await eventually(() => h?.emu.tempFiles().length === 0)
  })

  it('the free plan stops videos at 100 MB', async () => {
    h = await harness()
    const answer = await uploadV1(h, {
      file: new Blob([isoFile('isom', 100 * MB + 1)]),
      fileName: 'long.mp4',
    })
    expect(answer.body).toEqual({ message: TOO_LARGE, help: HELP })
    expect(await h.emu.files()).toEqual([])
  })

  it('the lite plan takes a 30 MB image; the type comes from the bytes, not the name', async () => {
    h = await harness({ plan: 'lite' })
    expect((await uploadV1(h, { file: await bigPng(30 * MB), fileName: 'big.png' })).status).toBe(200)
    // Named like a video but an image by its bytes: the image limit applies.
    const fake = await uploadV1(h, { file: await bigPng(41 * MB), fileName: 'not-a-video.mp4' })
    expect(fake.body.message).toBe(TOO_LARGE)
  })

  it('maxFileSize, when set, is the limit of every type', async () => {
    h = await harness({ plan: 'pro', maxFileSize: 1000 })
    const video = await uploadV1(h, { file: new Blob([isoFile('isom', 1001)]), fileName: 'clip.mp4' })
    expect(video.body.message).toBe(TOO_LARGE)
    expect(
      (await uploadV1(h, { file: new Blob([isoFile('isom', 1000)]), fileName: 'clip.mp4' })).status,
    ).toBe(200)
    const base64 = await uploadV1(h, { file: Buffer.alloc(1001, 1).toString('base64'), fileName: 'b.bin' })
    expect(base64.body.message).toBe(TOO_LARGE)
  })

  it('refuses an unknown plan', async () => {
    await expect(harness({ plan: 'gold' as 'pro' })).rejects.toThrow('plan must be one of free, lite, pro')
  })

  it('publishes ImageKit’s limits (images, audio and raw files / videos)', () => {
    expect(PLAN_LIMITS).toEqual({
      free: { other: 25 * MB, video: 100 * MB },
      lite: { other: 40 * MB, video: 300 * MB },
      pro: { other: 50 * MB, video: 2048 * MB },
    })
  })

  it('tells videos from other files by their first bytes, then the declared type, then the name', () => {
    const riff = (kind: string) => Buffer.from(`RIFF\0\0\0\0${kind}`)
    expect(sizeClassOf(isoFile('isom', 32), '', 'x')).toBe('video')
    expect(sizeClassOf(isoFile('qt  ', 32), '', 'x')).toBe('video')
    expect(sizeClassOf(isoFile('heic', 32), 'video/mp4', 'x.mp4')).toBe('other')
    expect(sizeClassOf(isoFile('M4A ', 32), '', 'x')).toBe('other')
    expect(sizeClassOf(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0]), '', 'x')).toBe('video')
    expect(sizeClassOf(riff('AVI '), '', 'x')).toBe('video')
    expect(sizeClassOf(riff('WAVE'), '', 'x')).toBe('other')
    expect(sizeClassOf(Buffer.from('plain text'), 'video/webm', 'x')).toBe('video')
    expect(sizeClassOf(Buffer.from('plain text'), 'application/octet-stream', 'a.MOV')).toBe('video')
    expect(sizeClassOf(Buffer.from('plain text'), 'text/plain', 'a.txt')).toBe('other')
    expect(sizeClassOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d]), 'video/mp4', 'a.mp4')).toBe('other')
  })
})

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

  it('extensions answer their status (a text file cannot be tagged; extensions.test.ts has the rest)', async () => {
    h = await harness()
    const answer = await uploadV1(h, {
      extensions: '[{"name":"google-auto-tagging","maxTags":5,"minConfidence":80}]',
    })
    expect(answer.body.extensionStatus).toEqual({ 'google-auto-tagging': 'failed' })
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
