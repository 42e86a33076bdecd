// @vitest-environment node
// Node's own FormData, fetch and File on both sides (jsdom's FormData cannot go through undici's fetch).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ImageKit } from '@imagekit/nodejs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildForm } from '../src/form.js'
import { createUploader, type FileState, type UploadParams } from '../src/index.js'

/**
 * The engine's multipart fields for a V1 upload must be the ones @imagekit/nodejs 7.11 sends for the
 * same parameters (its `files.upload`, lib/serialization-utils.ts + internal/uploads.ts), auth aside.
 */

/** Auth fields: the engine sends a client-side signature, the SDK a Basic auth header instead. */
const AUTH_FIELDS = new Set(['publicKey', 'signature', 'expire', 'token'])

type Fields = Record<string, string[]>

/** A multipart body as field → values (a file part as `<filename>:<bytes>`), parsed by undici. */
async function parseMultipart(contentType: string, body: Buffer): Promise<Fields> {
  const parsed = await new Response(new Uint8Array(body), {
    headers: { 'content-type': contentType },
  }).formData()
  const fields: Fields = {}
  for (const [name, value] of parsed) {
    const text = typeof value === 'string' ? value : `${value.name}:${await value.text()}`
    fields[name] = [...(fields[name] ?? []), text]
  }
  return fields
}

/** A local stand-in for upload.imagekit.io that records each multipart body it gets. */
function captureServer(): Promise<{ server: Server; url: string; bodies: Fields[] }> {
  const bodies: Fields[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', async () => {
      bodies.push(await parseMultipart(req.headers['content-type'] ?? '', Buffer.concat(chunks)))
      res.setHeader('Content-Type', 'application/json')
      res.end(
        JSON.stringify({ fileId: 'f', name: 'n', filePath: '/n', url: 'u', size: 1, fileType: 'non-image' }),
      )
    })
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({ server, url: `http://127.0.0.1:${port}`, bodies })
    })
  })
}

let capture: Awaited<ReturnType<typeof captureServer>>
beforeAll(async () => {
  capture = await captureServer()
})
afterAll(() => new Promise<void>((done) => capture.server.close(() => done())))

async function lastBody(send: () => Promise<unknown>): Promise<Fields> {
  const before = capture.bodies.length
  await send()
  expect(capture.bodies.length).toBe(before + 1)
  return capture.bodies.at(-1) as Fields
}

/** A real FileState: what the engine holds for an added file (nothing is uploaded: autoUpload off). */
async function fileState(file: File): Promise<FileState> {
  const uploader = createUploader({ publicKey: 'public_x', auth: async () => SIGNATURE, autoUpload: false })
  await uploader.addFiles([file])
  const [state] = uploader.getSnapshot().files
  uploader.destroy()
  if (!state) throw new Error('the file was not added')
  return state
}

const SIGNATURE = { token: 'a-token', expire: 1_900_000_000, signature: 'a'.repeat(40) }

/** What the engine sends for `params` (buildForm, V1), through the capture server. */
async function engineFields(file: File, params: UploadParams): Promise<Fields> {
  const form = buildForm(await fileState(file), params, SIGNATURE, 1, 'public_x')
  return lastBody(() => fetch(`${capture.url}/api/v1/files/upload`, { method: 'POST', body: form }))
}

/** What @imagekit/nodejs sends for the same `params` (client.files.upload, baseURL at the capture server). */
async function sdkFields(file: File, params: UploadParams): Promise<Fields> {
  const client = new ImageKit({ privateKey: 'private_x', baseURL: capture.url, maxRetries: 0 })
  // The engine's types are looser (readonly lists, extensions as unknown[]); the values are the same.
  const body = { file, fileName: params.fileName ?? file.name, ...params } as unknown
  return lastBody(() => client.files.upload(body as Parameters<typeof client.files.upload>[0]))
}

const without = (fields: Fields, names: Iterable<string>): Fields => {
  const drop = new Set(names)
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !drop.has(name)))
}

const EVERY_PARAMETER: UploadParams = {
  fileName: 'photo.jpg',
  folder: '/users/42/',
  tags: ['summer', 'beach'],
  useUniqueFileName: false,
  isPrivateFile: true,
  isPublished: false,
  customCoordinates: '10,10,100,100',
  customMetadata: { brand: 'Upkit', price: 12.5, inStock: true },
  responseFields: ['tags', 'customCoordinates', 'isPrivateFile', 'metadata'],
  extensions: [
    { name: 'google-auto-tagging', minConfidence: 80, maxTags: 10 },
    { name: 'remove-bg', options: { add_shadow: true } },
  ],
  transformation: { pre: 'w-300,h-300', post: [{ type: 'thumbnail', value: 'w-100' }] },
  checks: '"file.size" < "1mb"',
  webhookUrl: 'https://example.com/hooks/imagekit',
  description: 'A photo',
  overwriteFile: true,
  overwriteAITags: false,
  overwriteTags: true,
  overwriteCustomMetadata: false,
}

interface FormCase {
  name: string
  params: UploadParams
  /** The name of the File given to both. @default params.fileName */
  fileName?: string
  /** Deliberate differences: field → why (sourced). Every other field must be byte-equal. */
  differs?: Record<string, string>
}

const CASES: FormCase[] = [
  { name: 'every parameter at once', params: EVERY_PARAMETER },
  { name: 'only the file name', params: { fileName: 'photo.jpg' } },
  { name: 'extensions: [] (sent as "[]", not left out)', params: { extensions: [] } },
  {
    name: 'every boolean false',
    params: { useUniqueFileName: false, isPrivateFile: false, overwriteFile: false },
  },
  { name: 'tags and responseFields as one string', params: { tags: 'a,b', responseFields: 'tags' } },
  { name: 'empty tags list and empty custom metadata', params: { tags: [], customMetadata: {} } },
  { name: 'transformation with pre only', params: { transformation: { pre: 'l-text,i-Hi,l-end' } } },
  { name: 'a unicode file name and folder', params: { fileName: 'café 日本.jpg', folder: 'photos/été' } },
  {
    name: 'a fileName other than the File’s name',
    params: { fileName: 'renamed.jpg' },
    fileName: 'IMG_0001.jpg',
    differs: {
      file:
        'the part filename: the engine names the part after fileName, as @imagekit/javascript 5.5.1 does ' +
        "(upload: formData.set('file', file, fileName)); @imagekit/nodejs keeps the File's own name. " +
        'ImageKit names the stored file after the fileName field either way (OAS FileUploadV1.fileName).',
    },
  },
]

describe('the engine sends what @imagekit/nodejs 7.11 sends (V1 form fields, auth aside)', () => {
  it.each(CASES)('$name', async ({ params, fileName, differs = {} }) => {
    const file = new File(['jpeg bytes'], fileName ?? params.fileName ?? 'photo.jpg', { type: 'image/jpeg' })
    const engine = without(await engineFields(file, params), AUTH_FIELDS)
    const sdk = without(await sdkFields(file, params), AUTH_FIELDS)
    expect(without(engine, Object.keys(differs))).toEqual(without(sdk, Object.keys(differs)))
    // A listed difference is real (else it should leave the list), and the field is sent by both.
    for (const field of Object.keys(differs)) {
      expect(engine[field], field).toBeDefined()
      expect(engine[field], field).not.toEqual(sdk[field])
    }
  })

  it('the engine does send the auth fields it leaves out of the comparison', async () => {
    const fields = await engineFields(new File(['x'], 'a.txt'), {})
    expect(
      Object.keys(fields)
        .filter((name) => AUTH_FIELDS.has(name))
        .sort(),
    ).toEqual(['expire', 'publicKey', 'signature', 'token'])
  })

  it('the comparison catches a difference', async () => {
    const file = new File(['x'], 'a.txt')
    const engine = without(await engineFields(file, { tags: ['a', 'b'] }), AUTH_FIELDS)
    const sdk = without(await sdkFields(file, { tags: ['a', 'c'] }), AUTH_FIELDS)
    expect(engine.tags).toEqual(['a,b'])
    expect(engine).not.toEqual(sdk)
  })
})
