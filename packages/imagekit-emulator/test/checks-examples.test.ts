/**
 * Every `checks` example ImageKit documents, copied verbatim, each with one real upload that
 * must pass and one that must fail.
 *
 * Sources:
 * - DOCS: https://imagekit.io/docs/api-reference/upload-file/upload-file#upload-api-checks
 *   ("Upload API Checks": basic example, "Supported Fields" table, "Examples" cURL requests).
 * - GUIDE: GB-docs features/upload-api-checks.md (github.com/imagekitio/docs-keep-a-changelog, the
 *   docs' earlier GitBook source): the AND/OR grouping example and the two request examples.
 *
 * The docs word some examples as what they "prevent" ("request.fileName" : "screenshot",
 * "mediaMetadata.width" < 550); the emulator, like the rest of the page ("will only allow"), lets an
 * upload through when the check holds.
 */
import { createFile } from 'mp4box'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  eventually,
  type FieldValue,
  type Harness,
  HELP,
  harness,
  png,
  stopHarness,
  uploadV1,
} from './helpers.js'

const DOCS = 'https://imagekit.io/docs/api-reference/upload-file/upload-file#upload-api-checks'
const GUIDE = 'GB-docs features/upload-api-checks.md'
const SYNTAX = 'Your request contains invalid syntax for the checks parameter.'
const FAILED = "Your request failed 'checks' validation."
const MB = 1024 * 1024

type Upload = Record<string, FieldValue | (() => Promise<Blob>)>

interface Example {
  /** As the docs print it. */
  checks: string
  source: string
  /** An upload the check lets through; null when the emulator cannot produce one (say why in `note`). */
  pass: Upload | null
  /** An upload the check refuses, or 'syntax' when the example as printed is not valid checks. */
  fail: Upload | 'syntax'
  note?: string
}

const bytes = (n: number) => new Blob([new Uint8Array(n).fill(65)])
const image = (width: number, height: number) => () => png(width, height)
const meta = (value: unknown) => ({ customMetadata: JSON.stringify(value) })

interface Clip {
  seconds: number
  codec: 'avc1' | 'hvc1'
  audio: boolean
  /** Bytes of video samples per second: bitRate = 8 × this. */
  bytesPerSecond: number
}

/** A small MP4 (mp4box): one video track of one-second samples, and optionally an AAC track. */
function mp4({ seconds, codec, audio, bytesPerSecond }: Partial<Clip> = {}) {
  return async () => {
    const file = createFile().init({ timescale: 1000, duration: (seconds ?? 6) * 1000 })
    const config = new Uint8Array([1, 66, 0, 30, 255, 225, 0, 0, 1, 0, 0]).buffer
    const video = file.addTrack({
      timescale: 1000,
      width: 320,
      height: 240,
      type: codec ?? 'avc1',
      avcDecoderConfigRecord: config,
    })
    for (let i = 0; i < (seconds ?? 6); i++) {
      file.addSample(video, new Uint8Array(bytesPerSecond ?? 1000), { duration: 1000, is_sync: true })
    }
    if (audio ?? true) {
      const sound = file.addTrack({
        timescale: 48000,
        type: 'mp4a',
        samplerate: 48000,
        channel_count: 2,
        hdlr: 'soun',
      })
      file.addSample(sound, new Uint8Array(10), { duration: 48000 })
    }
    return new Blob([file.getBuffer().buffer], { type: 'video/mp4' })
  }
}

const clip = (options: Partial<Clip> = {}) => ({ file: mp4(options), fileName: 'clip.mp4' })
const NO_MPEG = 'the emulator reads MP4 / MOV sample entries only, which never name mpeg or mpegvideo'

const EXAMPLES: Example[] = [
  {
    checks: '"request.folder" : "marketing/"',
    source: DOCS,
    pass: { folder: 'marketing/summer' },
    fail: { folder: 'sales' },
  },
  {
    checks: '"request.fileName" : "screenshot"',
    source: DOCS,
    pass: { fileName: 'screenshot-1.png' },
    fail: { fileName: 'photo.png' },
  },
  {
    checks: '"request.fileName" NOT = "mountain.jpg"',
    source: DOCS,
    pass: { fileName: 'river.jpg' },
    fail: { fileName: 'mountain.jpg' },
  },
  {
    checks: '"request.useUniqueFileName" = true',
    source: DOCS,
    pass: {},
    fail: { useUniqueFileName: 'false' },
  },
  {
    checks: '"request.tags" IN ["summer-collection", "sale"]',
    source: DOCS,
    pass: { tags: 'sale,new' },
    fail: { tags: 'winter' },
  },
  {
    checks: '"request.tags" NOT IN ["big-banner"]',
    source: DOCS,
    pass: { tags: 'small' },
    fail: { tags: 'x,big-banner' },
  },
  {
    checks: '"request.folder = "engineering"',
    source: DOCS,
    pass: null,
    fail: 'syntax',
    note: 'as printed, the field’s closing quote is missing; the next row closes it',
  },
  {
    checks: '"request.folder" = "engineering"',
    source: `${DOCS} (quote closed)`,
    pass: { folder: 'engineering' },
    fail: { folder: 'engineering/ops' },
  },
  {
    checks: '"request.folder : "offsites/"',
    source: DOCS,
    pass: null,
    fail: 'syntax',
    note: 'the same missing quote',
  },
  {
    checks: '"request.folder" : "offsites/"',
    source: `${DOCS} (quote closed)`,
    pass: { folder: 'offsites/2024' },
    fail: { folder: 'onsite' },
  },
  {
    checks: '"request.folder" IN ["apparels", "cars"]',
    source: DOCS,
    pass: { folder: 'cars' },
    fail: { folder: 'bikes' },
  },
  { checks: '"request.isPrivateFile" = true', source: DOCS, pass: { isPrivateFile: 'true' }, fail: {} },
  { checks: '"request.isPublished" = false', source: DOCS, pass: { isPublished: 'false' }, fail: {} },
  {
    checks: '"request.customCoordinates" = "10,10,500,300"',
    source: DOCS,
    pass: { customCoordinates: '10,10,500,300' },
    fail: { customCoordinates: '0,0,10,10' },
  },
  {
    checks: '"request.webhookUrl" : "https://"',
    source: DOCS,
    pass: { webhookUrl: 'https://example.com/hook' },
    fail: { webhookUrl: 'http://example.com/hook' },
  },
  { checks: '"request.overwriteFile" = false', source: DOCS, pass: { overwriteFile: 'false' }, fail: {} },
  { checks: '"request.overwriteAITags" = false', source: DOCS, pass: { overwriteAITags: 'false' }, fail: {} },
  { checks: '"request.overwriteTags" = false', source: DOCS, pass: { overwriteTags: 'false' }, fail: {} },
  {
    checks: '"request.overwriteCustomMetadata" = false',
    source: DOCS,
    pass: { overwriteCustomMetadata: 'false' },
    fail: {},
  },
  { checks: '"file.size" < 1024', source: DOCS, pass: { file: bytes(1023) }, fail: { file: bytes(1024) } },
  {
    checks: '"file.size" <= "50mb"',
    source: DOCS,
    pass: { file: bytes(50 * MB) },
    fail: { file: bytes(50 * MB + 1) },
  },
  { checks: '"file.mime" : image', source: DOCS, pass: { file: image(8, 8), fileName: 'a.png' }, fail: {} },
  {
    checks: '"file.mime" IN ["image/jpg", "image/png"]',
    source: DOCS,
    pass: { file: image(8, 8), fileName: 'a.png' },
    fail: {},
  },
  {
    checks: '"mediaMetadata.width" < 550',
    source: DOCS,
    pass: { file: image(549, 8) },
    fail: { file: image(550, 8) },
  },
  {
    checks: '"mediaMetadata.height" < 550',
    source: DOCS,
    pass: { file: image(8, 549) },
    fail: { file: image(8, 550) },
  },
  {
    checks: '"mediaMetadata.duration" > 5',
    source: DOCS,
    pass: clip({ seconds: 6 }),
    fail: clip({ seconds: 5 }),
  },
  {
    checks: '"mediaMetadata.videoCodec" = "h264"',
    source: DOCS,
    pass: clip(),
    fail: clip({ codec: 'hvc1' }),
  },
  {
    checks: '"mediaMetadata.videoCodec" IN ["mpeg", "mpegvideo"]',
    source: DOCS,
    pass: null,
    fail: clip(),
    note: NO_MPEG,
  },
  { checks: '"mediaMetadata.audioCodec" = "aac"', source: DOCS, pass: clip(), fail: clip({ audio: false }) },
  {
    checks: '"mediaMetadata.bitRate" < 10000',
    source: DOCS,
    pass: clip({ bytesPerSecond: 1249 }),
    fail: clip({ bytesPerSecond: 1250 }),
  },
  {
    checks: '"request.customMetadata.kind" IN ["hatchback", "sedan"]',
    source: DOCS,
    pass: meta({ kind: 'sedan' }),
    fail: meta({ kind: 'suv' }),
  },
  {
    checks: '"request.customMetadata.color" = "red"',
    source: DOCS,
    pass: meta({ color: 'red' }),
    fail: meta({ color: 'blue' }),
  },
  {
    checks: '"request.customMetadata.description" : "Ontario"',
    source: DOCS,
    pass: meta({ description: 'Ontario, Canada' }),
    fail: meta({ description: 'Lake Ontario' }),
  },
  {
    checks: '"request.customMetadata.purchaseDate" > "2024-01-01"',
    source: DOCS,
    pass: meta({ purchaseDate: '2024-01-01T00:00:01Z' }),
    fail: meta({ purchaseDate: '2024-01-01' }),
  },
  {
    checks: '"request.customMetadata.purchaseDate" > "2024-01-01T12:12:12"',
    source: DOCS,
    pass: meta({ purchaseDate: '2024-01-01T12:12:13' }),
    fail: meta({ purchaseDate: '2024-01-01T14:12:12+02:00' }),
  },
  {
    checks: '"request.customMetadata.quantitySold" > 200',
    source: DOCS,
    pass: meta({ quantitySold: 201 }),
    fail: meta({ quantitySold: 200 }),
  },
  {
    checks: '"request.customMetadata.active" = true',
    source: DOCS,
    pass: meta({ active: true }),
    fail: meta({ active: false }),
  },
  {
    checks: '"request.customMetadata.tShirtSize" = "XL"',
    source: DOCS,
    pass: meta({ tShirtSize: 'XL' }),
    fail: meta({ tShirtSize: 'xl' }),
  },
  {
    checks: '"request.customMetadata.rating" IN [3, 4, 5]',
    source: DOCS,
    pass: meta({ rating: 4 }),
    fail: meta({ rating: 2 }),
  },
  {
    checks: '"request.customMetadata.tuple" IN ["luxury", 500, true]',
    source: DOCS,
    pass: meta({ tuple: ['basic', 500] }),
    fail: meta({ tuple: ['basic', 5, false] }),
  },
  {
    checks: '"request.customMetadata.descriptors" NOT IN ["big-banner"]',
    source: DOCS,
    pass: meta({ descriptors: ['small'] }),
    fail: meta({ descriptors: ['small', 'big-banner'] }),
  },
  {
    checks: "'file.size' < '1MB'",
    source: `${DOCS} (cURL)`,
    pass: { file: bytes(MB - 1) },
    fail: { file: bytes(MB) },
  },
  {
    checks: "'file.mime' IN ['image/jpeg', 'image/png', 'image/svg+xml']",
    source: `${DOCS} (cURL)`,
    pass: { file: image(8, 8), fileName: 'a.png' },
    fail: {},
  },
  {
    checks: "'mediaMetadata.height' <= 300 AND 'mediaMetadata.width' <= 500",
    source: `${DOCS} (cURL)`,
    pass: { file: image(500, 300) },
    fail: { file: image(501, 300) },
  },
  {
    checks: '"file.mime" : image OR ("mediaMetadata.videoCodec" = hevc AND "mediaMetadata.audioCodec" = aac)',
    source: GUIDE,
    pass: clip({ codec: 'hvc1' }),
    fail: clip({ codec: 'avc1' }),
  },
  {
    checks: '"request.folder" NOT = marketing',
    source: GUIDE,
    pass: { folder: 'sales' },
    fail: { folder: 'marketing' },
  },
  {
    checks: '"mediaMetadata.width" <= 1500 AND "mediaMetadata.height" <= 2000',
    source: GUIDE,
    pass: { file: image(1500, 2000) },
    fail: { file: image(8, 2001) },
  },
]

let h: Harness
beforeAll(async () => {
  h = await harness({ maxFileSize: 64 * MB })
})
afterAll(() => stopHarness(h))

async function upload(checks: string, fields: Upload) {
  const sent: Record<string, FieldValue> = { checks }
  for (const [name, value] of Object.entries(fields))
    sent[name] = typeof value === 'function' ? await value() : value
  return uploadV1(h, sent)
}

describe(`the documented checks examples (${DOCS})`, () => {
  it.each(EXAMPLES)('$checks', async ({ checks, pass, fail, note }) => {
    if (pass) expect((await upload(checks, pass)).body).toMatchObject({ fileId: expect.any(String) })
    else expect(note).toBeTruthy()
    if (fail === 'syntax') {
      const answer = await upload(checks, {})
      expect(answer.status).toBe(400)
      expect(answer.body.message).toMatch(new RegExp(`^${SYNTAX.replace(/[.]/g, '\\.')} Could not parse`))
      return
    }
    const answer = await upload(checks, fail)
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual({ message: FAILED, help: HELP })
  })

  it('keeps nothing from a refused upload', async () => {
    const before = (await h.emu.files()).length
    await upload('"file.size" < 1', {})
    await upload('"file.size" != 1', {})
    expect(await h.emu.files()).toHaveLength(before)
    await eventually(() => h.emu.tempFiles().length === 0)
  })
})
