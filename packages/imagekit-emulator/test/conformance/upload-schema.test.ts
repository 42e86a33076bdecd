import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, harness, png, stopHarness, uploadV1 } from '../helpers.js'
import { toJsonSchema } from './openapi-to-json-schema.js'
import { assertConforming, nonConforming, UploadAnswerWatch } from './upload-answer-watch.js'
import { uploadAnswerErrors, uploadSchema } from './upload-schema.js'

const examples = uploadSchema.examples as Record<string, unknown>[]
const [image] = examples as [Record<string, unknown>]

describe('OpenAPI nullable → JSON Schema', () => {
  it('adds null to a type, to a oneOf, and to an enum', () => {
    expect(toJsonSchema({ type: 'string', nullable: true })).toEqual({ type: ['string', 'null'] })
    expect(toJsonSchema({ oneOf: [{ type: 'string' }], nullable: true })).toEqual({
      oneOf: [{ type: 'string' }, { type: 'null' }],
    })
    expect(toJsonSchema({ type: 'string', enum: ['a'], nullable: true })).toEqual({
      type: ['string', 'null'],
      enum: ['a', null],
    })
  })

  it('reads a bare `nullable: true` branch as null, drops `example`, points refs at $defs', () => {
    expect(toJsonSchema({ oneOf: [{ type: 'number' }, { nullable: true }] })).toEqual({
      oneOf: [{ type: 'number' }, { type: 'null' }],
    })
    expect(toJsonSchema({ type: 'string', example: 'x' })).toEqual({ type: 'string' })
    expect(toJsonSchema({ $ref: '#/components/responses/Metadata' })).toEqual({ $ref: '#/$defs/Metadata' })
    expect(toJsonSchema({ type: 'string', nullable: false })).toEqual({ type: 'string' })
  })
})

describe('the vendored Upload schema', () => {
  it('names its source: imagekitio/openapi v1.0.0.yaml at a commit', () => {
    expect(uploadSchema.$comment).toMatch(/imagekitio\/openapi, v1\.0\.0\.yaml at commit [0-9a-f]{40}/)
  })

  it("accepts the spec's own three 200 examples (one has AITags: null)", () => {
    expect(examples).toHaveLength(3)
    for (const example of examples) expect(uploadAnswerErrors(example)).toEqual([])
    expect(examples.some((example) => example.AITags === null)).toBe(true)
  })

  it('accepts null where the spec says nullable: tags, AITags, customCoordinates', () => {
    expect(uploadAnswerErrors({ ...image, tags: null, AITags: null, customCoordinates: null })).toEqual([])
  })

  it('refuses a body missing a field every answer has, naming it', () => {
    const { fileId: _dropped, ...rest } = image
    expect(uploadAnswerErrors(rest)).toEqual(["/ must have required property 'fileId' (#/required)"])
  })

  it('refuses mis-typed fields, with the path of each', () => {
    const errors = uploadAnswerErrors({ ...image, size: '117079', tags: 'a,b', versionInfo: { id: 7 } })
    expect(errors).toContain('/size must be number (#/properties/size/type)')
    expect(errors).toContain('/versionInfo/id must be string (#/properties/versionInfo/properties/id/type)')
    expect(errors.some((line) => line.startsWith('/tags '))).toBe(true)
  })

  it('refuses an unknown extension status and a bad date in embedded metadata', () => {
    expect(uploadAnswerErrors({ ...image, extensionStatus: { 'remove-bg': 'done' } })).toEqual([
      '/extensionStatus/remove-bg must be equal to one of the allowed values (#/properties/extensionStatus/properties/remove-bg/enum)',
    ])
    expect(uploadAnswerErrors({ ...image, embeddedMetadata: { DateTimeOriginal: 'yesterday' } })).toEqual([
      '/embeddedMetadata/DateTimeOriginal must match format "date-time" (#/$defs/EmbeddedMetadata/properties/DateTimeOriginal/format)',
    ])
  })
})

describe('every 200 upload answer is observed (the setup file checks each one)', () => {
  let h: Harness
  let watch: UploadAnswerWatch
  beforeAll(async () => {
    h = await harness()
    watch = new UploadAnswerWatch()
  })
  afterAll(async () => {
    watch.stop()
    await stopHarness(h)
  })

  it('sees the exact body the client got, for v1 and for every file type', async () => {
    const text = await uploadV1(h, { responseFields: 'tags,customCoordinates,metadata,embeddedMetadata' })
    const picture = await uploadV1(h, { file: await png(4, 3), fileName: 'p.png', tags: 'a,b' })
    expect([text.status, picture.status]).toEqual([200, 200])
    expect(watch.take()).toEqual([
      { path: 'v1', body: text.body },
      { path: 'v1', body: picture.body },
    ])
  })

  it('fails with every ajv path of a non-conforming answer (what the setup file throws)', () => {
    const bad = { path: 'v2' as const, body: { ...image, fileType: 3, name: null } }
    expect(() => assertConforming([{ path: 'v1', body: image }, bad], 'here')).toThrow(
      /1 upload answer\(s\) here do not match[\s\S]*\/name must be string[\s\S]*\/fileType must be string/,
    )
    expect(() => assertConforming([{ path: 'v1', body: image }], 'here')).not.toThrow()
    expect(nonConforming([bad])).toEqual([expect.stringMatching(/^v2 upload answer /)])
  })
})
