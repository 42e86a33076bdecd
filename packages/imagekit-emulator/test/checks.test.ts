import { describe, expect, it } from 'vitest'
import { ApiError } from '../src/api-error.js'
import { type CheckContext, runChecks } from '../src/checks.js'
import { checkContext } from '../src/checks-context.js'
import { evaluateChecks } from '../src/checks-eval.js'
import { lexChecks } from '../src/checks-lexer.js'
import { parseChecks } from '../src/checks-parser.js'
import type { MediaInfo } from '../src/media-info.js'
import { parseUploadParams } from '../src/upload-params.js'

const SYNTAX = 'Your request contains invalid syntax for the checks parameter.'
const FAILED = "Your request failed 'checks' validation."

/** An upload of a 2048-byte 640×480 PNG to /marketing/banners/ unless told otherwise. */
function context(
  request: Partial<CheckContext['request']> = {},
  media: Partial<CheckContext['mediaMetadata']> = {},
  file: Partial<CheckContext['file']> = {},
): CheckContext {
  return {
    file: { size: 2048, mime: 'image/png', ...file },
    request: {
      fileName: 'banner.png',
      folder: '/marketing/banners/',
      tags: ['summer-collection', 'red'],
      useUniqueFileName: true,
      isPrivateFile: false,
      isPublished: true,
      customCoordinates: null,
      webhookUrl: null,
      overwriteFile: true,
      overwriteAITags: true,
      overwriteTags: true,
      overwriteCustomMetadata: true,
      customMetadata: {},
      ...request,
    },
    mediaMetadata: {
      width: 640,
      height: 480,
      duration: null,
      videoCodec: null,
      audioCodec: null,
      bitRate: null,
      ...media,
    },
  }
}

const holds = (checks: string, ctx: CheckContext = context()) => evaluateChecks(parseChecks(checks), ctx)

/** The detail runChecks adds after ImageKit's sentence (the whole message must start with it). */
function syntaxDetail(checks: string, ctx: CheckContext = context()): string {
  try {
    runChecks(checks, ctx)
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    expect(error.status).toBe(400)
    expect(error.message.startsWith(`${SYNTAX} `)).toBe(true)
    return error.message.slice(SYNTAX.length + 1)
  }
  throw new Error(`no syntax error for ${checks}`)
}

describe('checks lexer', () => {
  it('reads single- and double-quoted strings, with backslash escapes', () => {
    const tokens = lexChecks(`'file.size' "a \\"b\\"" 'it\\'s'`)
    expect(tokens.map((token) => [token.type, token.value, token.at])).toEqual([
      ['string', 'file.size', 0],
      ['string', 'a "b"', 12],
      ['string', "it's", 22],
    ])
  })

  it('reads bare numbers, booleans and words, operators and punctuation', () => {
    const tokens = lexChecks('<= 1500 -2.5 true false image hevc image/svg+xml >= [ , ] ( ) = : < >')
    expect(tokens.map((token) => [token.type, token.value])).toEqual([
      ['symbol', '<='],
      ['number', 1500],
      ['number', -2.5],
      ['boolean', true],
      ['boolean', false],
      ['word', 'image'],
      ['word', 'hevc'],
      ['word', 'image/svg+xml'],
      ['symbol', '>='],
      ['symbol', '['],
      ['symbol', ','],
      ['symbol', ']'],
      ['symbol', '('],
      ['symbol', ')'],
      ['symbol', '='],
      ['symbol', ':'],
      ['symbol', '<'],
      ['symbol', '>'],
    ])
  })

  it('refuses what it cannot read, quoting the part', () => {
    expect(syntaxDetail('"file.size" != 10')).toBe(
      "Could not parse '!= 10' at character 13: '!=' is not an operator of checks, use NOT =.",
    )
    expect(syntaxDetail("'file.size' < 1mb")).toBe(
      "Could not parse '1mb' at character 15: quote values that are not plain numbers, e.g. '1mb'.",
    )
    expect(syntaxDetail('"request.folder" = "abc')).toBe(
      `Could not parse '"abc' at character 20: the quote is not closed.`,
    )
    expect(syntaxDetail('"file.size" < 10 & "x"')).toBe('Could not parse \'& "x"\' at character 18.')
  })
})

describe('checks parser', () => {
  it('reads a check: quoted field, operator, value', () => {
    expect(parseChecks(`'file.size' < '1mb'`)).toEqual({
      kind: 'check',
      field: 'file.size',
      op: '<',
      value: { type: 'string', value: '1mb', raw: "'1mb'" },
      at: 0,
    })
  })

  it('reads NOT =, NOT IN, NOT HAS, IN lists and HAS', () => {
    const ops = [
      '"request.folder" NOT = marketing',
      '"request.tags" NOT IN ["big-banner"]',
      '"request.tags" NOT HAS "big-banner"',
      '"request.tags" HAS "red"',
    ].map((checks) => (parseChecks(checks) as { op: string }).op)
    expect(ops).toEqual(['NOT =', 'NOT IN', 'NOT HAS', 'HAS'])
    expect(parseChecks(`"request.customMetadata.tuple" IN ["luxury", 500, true]`)).toMatchObject({
      op: 'IN',
      value: [
        { type: 'string', value: 'luxury' },
        { type: 'number', value: 500 },
        { type: 'boolean', value: true },
      ],
    })
  })

  it('takes keywords in any case', () => {
    expect(holds('"file.size" > 1 and "file.mime" not in ["text/plain"] Or "file.size" < 1')).toBe(true)
  })

  it('binds AND tighter than OR, and groups with parentheses', () => {
    expect(parseChecks('"file.size" > 1 OR "file.size" > 2 AND "file.size" > 3')).toMatchObject({
      kind: 'or',
      right: { kind: 'and' },
    })
    expect(parseChecks('("file.size" > 1 OR "file.size" > 2) AND "file.size" > 3')).toMatchObject({
      kind: 'and',
      left: { kind: 'or' },
    })
    // false OR (true AND false) is false; (false OR true) AND true is true
    expect(holds('"file.size" < 1 OR "file.size" > 1 AND "file.size" < 1')).toBe(false)
    expect(holds('("file.size" < 1 OR "file.size" > 1) AND "file.size" > 1')).toBe(true)
  })

  it('names the part it could not parse', () => {
    const cases: [string, string][] = [
      ['', 'The checks are empty.'],
      ['   ', 'The checks are empty.'],
      [
        'file.size < 10',
        "Could not parse 'file.size' at character 1: expected a quoted field name such as 'file.size'.",
      ],
      ['"file.size"', 'The checks end too early, after \'"file.size"\': expected an operator.'],
      ['"file.size" <', "The checks end too early, after '<': expected a value."],
      [
        '"file.size" < 10 AND',
        "The checks end too early, after 'AND': expected a quoted field name such as 'file.size'.",
      ],
      ['("file.size" < 10', "The checks end too early, after '10': expected ')'."],
      ['"file.size" < 10)', "Could not parse ')' at character 17: expected AND or OR."],
      ['"file.size" < 10 "x"', `Could not parse '"x"' at character 18: expected AND or OR.`],
      [
        'NOT "file.size" < 10',
        "Could not parse 'NOT' at character 1: expected a quoted field name such as 'file.size'.",
      ],
      ['"file.size" NOT < 10', "Could not parse '<' at character 17: expected =, IN or HAS after NOT."],
      ['"file.mime" IN "image/png"', `Could not parse '"image/png"' at character 16: expected '[' after IN.`],
      ['"file.mime" IN []', "Could not parse ']' at character 17: expected a value."],
      ['"file.mime" IN ["a" "b"]', `Could not parse '"b"' at character 21: expected ',' or ']'.`],
      ['"file.size" < (10)', "Could not parse '(' at character 15: expected a value."],
      ['"file.size" 10', "Could not parse '10' at character 13: expected an operator."],
    ]
    for (const [checks, detail] of cases) expect(syntaxDetail(checks), checks).toBe(detail)
  })

  it('knows the documented fields and their operators', () => {
    const cases: [string, string][] = [
      ['"nope.key" : "x"', "Unknown field 'nope.key' at character 1."],
      ['"request.customMetadata." = "x"', "Unknown field 'request.customMetadata.' at character 1."],
      ['"file.mime" < "x"', "The operator '<' is not supported for 'file.mime' (=, NOT =, :, IN, NOT IN)."],
      ['"file.size" NOT = 10', "The operator 'NOT =' is not supported for 'file.size' (=, <, <=, >, >=)."],
      ['"file.size" : 10', "The operator ':' is not supported for 'file.size' (=, <, <=, >, >=)."],
      [
        '"request.tags" : "x"',
        "The operator ':' is not supported for 'request.tags' (IN, NOT IN, HAS, NOT HAS).",
      ],
      [
        '"request.tags" = "x"',
        "The operator '=' is not supported for 'request.tags' (IN, NOT IN, HAS, NOT HAS).",
      ],
      [
        '"request.isPrivateFile" : true',
        "The operator ':' is not supported for 'request.isPrivateFile' (=, NOT =).",
      ],
    ]
    for (const [checks, detail] of cases) expect(syntaxDetail(checks), checks).toBe(detail)
  })

  it('checks that each value fits its field', () => {
    const cases: [string, string][] = [
      [
        '"request.useUniqueFileName" = "true"',
        "'request.useUniqueFileName' takes true or false without quotes, not '\"true\"'.",
      ],
      ['"request.isPublished" = yes', "'request.isPublished' takes true or false without quotes, not 'yes'."],
      [
        '"file.size" < "lots"',
        "'file.size' takes a number of bytes or a size such as '1mb', not '\"lots\"'.",
      ],
      ['"file.size" < true', "'file.size' takes a number of bytes or a size such as '1mb', not 'true'."],
      ['"mediaMetadata.width" < "1mb"', "'mediaMetadata.width' takes a number, not '\"1mb\"'."],
    ]
    for (const [checks, detail] of cases) expect(syntaxDetail(checks), checks).toBe(detail)
  })
})

describe('checks evaluation', () => {
  it('file.size: bytes, or b/kb/mb/gb in any case, 1 kb = 1024 bytes', () => {
    const size = (bytes: number) => context({}, {}, { size: bytes })
    expect(holds('"file.size" < 1024', size(1023))).toBe(true)
    expect(holds('"file.size" < 1024', size(1024))).toBe(false)
    expect(holds(`'file.size' < '1kb'`, size(1023))).toBe(true)
    expect(holds(`'file.size' < '1KB'`, size(1024))).toBe(false)
    expect(holds(`'file.size' <= '1MB'`, size(1024 * 1024))).toBe(true)
    expect(holds(`'file.size' > '1mb'`, size(1024 * 1024))).toBe(false)
    expect(holds('"file.size" >= "1.5kb"', size(1536))).toBe(true)
    expect(holds('"file.size" = "2048"', size(2048))).toBe(true)
    expect(holds('"file.size" = "2 kb"', size(2048))).toBe(true)
    expect(holds('"file.size" > "1gb"', size(2048))).toBe(false)
    expect(holds('"file.size" < "1b"', size(2048))).toBe(false)
  })

  it('file.mime: = is exact, : is a prefix, IN is one of', () => {
    expect(holds('"file.mime" = "image/png"')).toBe(true)
    expect(holds('"file.mime" = "image"')).toBe(false)
    expect(holds('"file.mime" : image')).toBe(true)
    expect(holds(`'file.mime': 'image/'`)).toBe(true)
    expect(holds('"file.mime" : "video/"')).toBe(false)
    expect(holds('"file.mime" NOT = "image/png"')).toBe(false)
    expect(holds('"file.mime" IN ["image/jpeg", "image/png"]')).toBe(true)
    expect(holds('"file.mime" NOT IN ["image/jpeg", "image/png"]')).toBe(false)
    expect(holds('"file.mime" = "IMAGE/PNG"')).toBe(false) // case matters (a guess)
  })

  it('request.folder: compared as a folder path, : covers the folder and its sub-folders', () => {
    expect(holds('"request.folder" : "marketing/"')).toBe(true)
    expect(holds('"request.folder" : "/marketing"')).toBe(true)
    expect(holds('"request.folder" : "marketing/banners"')).toBe(true)
    expect(holds('"request.folder" : "market"')).toBe(false) // not a folder prefix
    expect(holds('"request.folder" = "marketing"')).toBe(false)
    expect(holds('"request.folder" = "marketing/banners"')).toBe(true)
    expect(holds('"request.folder" NOT = marketing')).toBe(true)
    expect(holds('"request.folder" IN ["apparels", "marketing/banners"]')).toBe(true)
    expect(holds('"request.folder" = "/"', context({ folder: '/' }))).toBe(true)
    expect(holds('"request.folder" = "a b/../c"')).toBe(false) // a value no folder can have
  })

  it('request.fileName and the other string fields', () => {
    expect(holds('"request.fileName" : "ban"')).toBe(true)
    expect(holds('"request.fileName" NOT = "banner.png"')).toBe(false)
    expect(holds('"request.fileName" IN ["a.png", "banner.png"]')).toBe(true)
    const hooked = context({ webhookUrl: 'https://example.com/hook', customCoordinates: '10,10,500,300' })
    expect(holds('"request.webhookUrl" : "https://"', hooked)).toBe(true)
    expect(holds('"request.customCoordinates" = "10,10,500,300"', hooked)).toBe(true)
    // Not sent: only the negative operators hold.
    expect(holds('"request.webhookUrl" : "https://"')).toBe(false)
    expect(holds('"request.webhookUrl" NOT = "https://x"')).toBe(true)
    expect(holds('"request.customCoordinates" NOT IN ["1,1,1,1"]')).toBe(true)
  })

  it('booleans take bare true and false', () => {
    expect(holds('"request.useUniqueFileName" = true')).toBe(true)
    expect(holds('"request.useUniqueFileName" NOT = true')).toBe(false)
    expect(holds('"request.isPrivateFile" = false')).toBe(true)
    expect(holds('"request.isPublished" = false', context({ isPublished: false }))).toBe(true)
    for (const field of ['overwriteFile', 'overwriteAITags', 'overwriteTags', 'overwriteCustomMetadata']) {
      expect(holds(`"request.${field}" = false`, context({ [field]: false }))).toBe(true)
      expect(holds(`"request.${field}" = false`)).toBe(false)
    }
  })

  it('request.tags: IN is any of, NOT IN none of, HAS one tag', () => {
    expect(holds('"request.tags" IN ["summer-collection", "sale"]')).toBe(true)
    expect(holds('"request.tags" IN ["sale"]')).toBe(false)
    expect(holds('"request.tags" NOT IN ["big-banner"]')).toBe(true)
    expect(holds('"request.tags" NOT IN ["big-banner", "red"]')).toBe(false)
    expect(holds('"request.tags" HAS "red"')).toBe(true)
    expect(holds('"request.tags" NOT HAS "red"')).toBe(false)
    expect(holds('"request.tags" IN ["red"]', context({ tags: [] }))).toBe(false)
  })

  it('mediaMetadata: numbers; a value the file does not have never compares', () => {
    expect(holds('"mediaMetadata.width" <= 1500 AND "mediaMetadata.height" <= 2000')).toBe(true)
    expect(holds('"mediaMetadata.width" = 640')).toBe(true)
    expect(holds('"mediaMetadata.width" > 640')).toBe(false)
    expect(holds('"mediaMetadata.height" >= "480"')).toBe(true)
    const text = context({}, { width: null, height: null }, { mime: 'text/plain' })
    expect(holds('"mediaMetadata.width" < 550', text)).toBe(false)
    expect(holds('"mediaMetadata.width" >= 550', text)).toBe(false)
    expect(holds('"mediaMetadata.duration" > 5')).toBe(false)
    expect(holds('"mediaMetadata.videoCodec" NOT = "h264"')).toBe(true)
    const video = context({}, { duration: 12, videoCodec: 'h264', audioCodec: 'aac', bitRate: 900 })
    expect(holds('"mediaMetadata.duration" > 5', video)).toBe(true)
    expect(holds('"mediaMetadata.videoCodec" IN ["mpeg", "h264"]', video)).toBe(true)
    expect(holds('"mediaMetadata.audioCodec" = aac', video)).toBe(true)
    expect(holds('"mediaMetadata.bitRate" < 10000', video)).toBe(true)
  })

  it('request.customMetadata.<field>: operators follow the value sent', () => {
    const meta = context({
      customMetadata: {
        color: 'red',
        description: 'Ontario lakes',
        quantitySold: 250,
        active: true,
        purchaseDate: '2024-03-01',
        rating: 4,
        tuple: ['luxury', 7],
      },
    })
    expect(holds('"request.customMetadata.color" = "red"', meta)).toBe(true)
    expect(holds('"request.customMetadata.description" : "Ontario"', meta)).toBe(true)
    expect(holds('"request.customMetadata.color" IN ["blue", "green"]', meta)).toBe(false)
    expect(holds('"request.customMetadata.quantitySold" > 200', meta)).toBe(true)
    expect(holds('"request.customMetadata.quantitySold" NOT = 250', meta)).toBe(false)
    expect(holds('"request.customMetadata.quantitySold" IN [250, 300]', meta)).toBe(true)
    expect(holds('"request.customMetadata.active" = true', meta)).toBe(true)
    expect(holds('"request.customMetadata.purchaseDate" > "2024-01-01"', meta)).toBe(true)
    expect(holds('"request.customMetadata.purchaseDate" > "2024-03-01T12:12:12"', meta)).toBe(false)
    expect(holds('"request.customMetadata.rating" IN [3, 4, 5]', meta)).toBe(true)
    expect(holds('"request.customMetadata.tuple" IN ["luxury", 500, true]', meta)).toBe(true)
    expect(holds('"request.customMetadata.tuple" NOT IN ["big-banner"]', meta)).toBe(true)
    expect(holds('"request.customMetadata.tuple" HAS 7', meta)).toBe(true)
    // Absent: only the negative operators hold.
    expect(holds('"request.customMetadata.kind" IN ["hatchback"]', meta)).toBe(false)
    expect(holds('"request.customMetadata.kind" NOT IN ["hatchback"]', meta)).toBe(true)
  })

  it('refuses an operator that does not fit the custom metadata value', () => {
    const meta = context({ customMetadata: { active: true, tuple: ['a'], quantitySold: 3 } })
    expect(syntaxDetail('"request.customMetadata.active" > true', meta)).toBe(
      "The operator '>' is not supported for 'request.customMetadata.active', a boolean (=, NOT =).",
    )
    expect(syntaxDetail('"request.customMetadata.tuple" = "a"', meta)).toBe(
      "The operator '=' is not supported for 'request.customMetadata.tuple', a list (IN, NOT IN, HAS, NOT HAS).",
    )
    expect(syntaxDetail('"request.customMetadata.quantitySold" > "many"', meta)).toBe(
      "'request.customMetadata.quantitySold' takes a number, not '\"many\"'.",
    )
    // Both sides are always evaluated, so the answer does not depend on the order.
    expect(syntaxDetail('"file.size" > 1 OR "request.customMetadata.active" > true', meta)).toMatch(/'>'/)
  })
})

describe('runChecks', () => {
  it('passes quietly, or answers ImageKit’s 400 for a failed check', () => {
    expect(() => runChecks('"file.size" > 1', context())).not.toThrow()
    expect(() => runChecks('"file.size" < 1', context())).toThrow(FAILED)
    try {
      runChecks('"file.size" < 1', context())
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError)
      expect((error as ApiError).status).toBe(400)
      expect((error as ApiError).message).toBe(FAILED)
    }
  })
})

describe('checkContext', () => {
  it('takes the request’s fields, the file’s size and detected mime, and its dimensions', () => {
    const params = parseUploadParams(
      new Map([
        ['folder', 'marketing'],
        ['tags', 'a,b'],
        ['useUniqueFileName', 'false'],
        ['isPublished', 'false'],
        ['customMetadata', '{"color":"red"}'],
        ['webhookUrl', 'https://example.com/hook'],
      ]),
    )
    const media: MediaInfo = { mime: 'image/png', fileType: 'image', width: 64, height: 48, format: 'png' }
    expect(checkContext(params, 'my file.png', 99, media)).toEqual({
      file: { size: 99, mime: 'image/png' },
      request: {
        fileName: 'my file.png',
        folder: '/marketing/',
        tags: ['a', 'b'],
        useUniqueFileName: false,
        isPrivateFile: false,
        isPublished: false,
        customCoordinates: null,
        webhookUrl: 'https://example.com/hook',
        overwriteFile: true,
        overwriteAITags: true,
        overwriteTags: true,
        overwriteCustomMetadata: true,
        customMetadata: { color: 'red' },
      },
      mediaMetadata: {
        width: 64,
        height: 48,
        duration: null,
        videoCodec: null,
        audioCodec: null,
        bitRate: null,
      },
    })
  })

  it('takes duration, bit rate and codecs from a probed video', () => {
    const params = parseUploadParams(new Map())
    const video = { width: 320, height: 240, duration: 12, bitRate: 8000, videoCodec: 'h264' }
    const media: MediaInfo = {
      mime: 'video/mp4',
      fileType: 'non-image',
      width: 320,
      height: 240,
      format: 'mp4',
      video,
    }
    expect(checkContext(params, 'clip.mp4', 12_000, media).mediaMetadata).toEqual({
      width: 320,
      height: 240,
      duration: 12,
      videoCodec: 'h264',
      audioCodec: null,
      bitRate: 8000,
    })
  })
})
