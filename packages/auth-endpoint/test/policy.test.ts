import { afterAll, describe, expect, it } from 'vitest'
import type { UploadPolicy } from '../src/index.js'
import { call, expectNoKeyInAnything, handlerWith, postJson } from './support.js'

afterAll(expectNoKeyInAnything)

const MB = 1_000_000 // decimal, as the route messages count (policy.ts formatBytes)
const photo = { fileName: 'cat.png', size: 2 * MB, type: 'image/png' }

async function ask(policy: UploadPolicy, body: unknown, authorize = () => ({ id: 42 })) {
  return call(handlerWith({ policy, authorize }), postJson(body))
}

describe('the upload policy', () => {
  it('forcedFolder (per caller) is returned in params for the browser to send', async () => {
    const policy = { forcedFolder: (identity: unknown) => `/users/${(identity as { id: number }).id}` }
    const { status, json } = await ask(policy, photo)
    expect(status).toBe(200)
    expect(json.params).toEqual({ folder: '/users/42' })
    expect((await ask(policy, { ...photo, folder: 'users/42/avatars/' })).json.params).toEqual({
      folder: '/users/42/avatars',
    })
  })

  it('forcedFolder refuses a folder outside it (403 FOLDER_NOT_ALLOWED)', async () => {
    const { status, json } = await ask({ forcedFolder: '/users/42' }, { ...photo, folder: '/users/43' })
    expect(status).toBe(403)
    expect(json).toEqual({
      code: 'FOLDER_NOT_ALLOWED',
      message: '"cat.png": folder "/users/43" is outside your upload folder "/users/42".',
    })
  })

  it('allowedFolders matches by path prefix on normalised folders', async () => {
    const policy = { allowedFolders: ['/products', 'blog/'] }
    expect((await ask(policy, { ...photo, folder: 'products/shoes' })).status).toBe(200)
    expect((await ask(policy, { ...photo, folder: '/blog' })).status).toBe(200)
    const refused = await ask(policy, { ...photo, folder: '/products-old' })
    expect(refused.status).toBe(403)
    expect(refused.json.message).toBe(
      '"cat.png": uploads to "/products-old" are not allowed. Allowed folders: /products, /blog.',
    )
    expect((await ask(policy, photo)).json.message).toContain('uploads to "/" are not allowed')
  })

  it('maxFileSize refuses a larger file, naming the file and the limit', async () => {
    const { status, json } = await ask({ maxFileSize: MB }, photo)
    expect(status).toBe(403)
    expect(json).toEqual({
      code: 'FILE_TOO_LARGE',
      message: '"cat.png" is 2 MB; the largest file allowed is 1 MB.',
    })
  })

  it('maxFileSize makes size required', async () => {
    const { status, json } = await ask({ maxFileSize: MB }, { fileName: 'cat.png' })
    expect(status).toBe(400)
    expect(json.message).toBe('"cat.png": "size" is required (this server limits file size).')
  })

  it('allowedTypes accepts MIME wildcards and refuses other or unknown types', async () => {
    const policy = { allowedTypes: ['image/*', 'application/pdf'] }
    expect((await ask(policy, { ...photo, type: 'IMAGE/JPEG' })).status).toBe(200)
    expect((await ask(policy, { ...photo, type: 'application/pdf' })).status).toBe(200)
    const refused = await ask(policy, { ...photo, type: 'video/mp4' })
    expect(refused.status).toBe(403)
    expect(refused.json).toEqual({
      code: 'FILE_TYPE_NOT_ALLOWED',
      message: '"cat.png" is of type video/mp4; allowed types: image/*, application/pdf.',
    })
    expect((await ask(policy, { fileName: 'x', type: '' })).json.message).toContain('of unknown type')
  })

  it('allowedExtensions checks the file name, case-insensitively', async () => {
    const policy = { allowedExtensions: ['.png', 'JPG'] }
    expect((await ask(policy, { fileName: 'a.PNG' })).status).toBe(200)
    expect((await ask(policy, { fileName: 'b.jpg' })).status).toBe(200)
    const refused = await ask(policy, { fileName: 'run.exe' })
    expect(refused.status).toBe(403)
    expect(refused.json.message).toBe(
      '"run.exe": files ending in ".exe" are not allowed; allowed extensions: .png, .jpg.',
    )
  })

  it('maxFiles caps a batch (default 20)', async () => {
    const files = (n: number) => ({ files: Array.from({ length: n }, (_, i) => ({ fileName: `${i}.png` })) })
    expect((await ask({}, files(20))).status).toBe(200)
    const refused = await ask({}, files(21))
    expect(refused.status).toBe(403)
    expect(refused.json).toEqual({
      code: 'TOO_MANY_FILES',
      message: 'This request describes 21 files; the limit is 20 per request.',
    })
    expect((await ask({ maxFiles: 2 }, files(3))).json.code).toBe('TOO_MANY_FILES')
  })

  it('allowedTags refuses any other tag', async () => {
    const policy = { allowedTags: ['summer', 'sale'] }
    expect((await ask(policy, { ...photo, tags: ['summer'] })).status).toBe(200)
    const refused = await ask(policy, { ...photo, tags: 'summer,winter' })
    expect(refused.status).toBe(403)
    expect(refused.json).toEqual({
      code: 'TAG_NOT_ALLOWED',
      message: '"cat.png": the tag "winter" is not allowed; allowed tags: summer, sale.',
    })
  })

  it('upload fields outside allowedFields are refused (webhookUrl is not allowed by default)', async () => {
    const refused = await ask({}, { ...photo, webhookUrl: 'https://evil.example/hook' })
    expect(refused.status).toBe(403)
    expect(refused.json).toEqual({
      code: 'FIELD_NOT_ALLOWED',
      message: '"cat.png": this server does not allow the "webhookUrl" upload field.',
    })
    const allowed = await ask(
      { allowedFields: ['webhookUrl'] },
      { ...photo, webhookUrl: 'https://ok.example' },
    )
    expect(allowed.status).toBe(200)
  })

  it('overwriteFile: false is always allowed (it only narrows the upload); true needs allowedFields', async () => {
    expect((await ask({}, { ...photo, useUniqueFileName: false, overwriteFile: false })).status).toBe(200)
    const refused = await ask({}, { ...photo, overwriteFile: true })
    expect(refused.json).toMatchObject({ code: 'FIELD_NOT_ALLOWED' })
  })

  it('in a batch, the whole request is refused and the message names the file', async () => {
    const body = { files: [photo, { fileName: 'big.mov', size: 9 * MB, type: 'video/quicktime' }] }
    const { status, json } = await ask({ maxFileSize: 5 * MB }, body)
    expect(status).toBe(403)
    expect(json.message).toBe('File 2 ("big.mov") is 9 MB; the largest file allowed is 5 MB.')
  })

  it('a batch answers one signature per file, in order', async () => {
    const { json } = await ask({ forcedFolder: '/in' }, { files: [photo, { ...photo, fileName: 'b.png' }] })
    expect(json.files).toHaveLength(2)
    expect(json.files[0].params).toEqual({ folder: '/in' })
    expect(json.files[0].token).not.toBe(json.files[1].token)
  })
})

describe('the upload policy: links (allowUrls)', () => {
  const link = { fileName: 'cat.jpg', url: 'https://example.com/cat.jpg', type: 'image/jpeg' }

  it('refuses a link by default (403 FIELD_NOT_ALLOWED)', async () => {
    const { status, json } = await ask({}, link)
    expect(status).toBe(403)
    expect(json).toEqual({
      code: 'FIELD_NOT_ALLOWED',
      message: '"cat.jpg": this server does not take uploads from a link.',
    })
  })

  it('signs a link with allowUrls, without a size even under maxFileSize, and binds no url in V2', async () => {
    expect((await ask({ allowUrls: true, maxFileSize: MB }, link)).status).toBe(200)
    const v2 = await call(
      handlerWith({ apiVersion: 2, policy: { allowUrls: true }, authorize: () => ({ id: 1 }) }),
      postJson(link),
    )
    expect(v2.status).toBe(200)
    const payload = JSON.parse(Buffer.from(String(v2.json.token).split('.')[1] ?? '', 'base64url').toString())
    expect(payload).not.toHaveProperty('url') // ImageKit leaves `file` out of the signed payload
    expect(payload.fileName).toBe('cat.jpg')
  })

  it('still applies the type and extension rules to a link', async () => {
    const policy = { allowUrls: true, allowedExtensions: ['png'] }
    expect((await ask(policy, link)).json.code).toBe('FILE_TYPE_NOT_ALLOWED')
  })

  const badLinks = ['ftp://example.com/a.jpg', 'https://user:pw@example.com/a.jpg', '/relative.jpg', 42]
  it.each(badLinks)('refuses %s as "url" (400 INVALID_FIELD)', async (url) => {
    const { status, json } = await ask({ allowUrls: true }, { ...link, url })
    expect(status).toBe(400)
    expect(json.message).toBe(
      '"cat.jpg": "url" must be an absolute http(s) link without a user name or password.',
    )
  })

  it('checks allowUrls at startup', () => {
    expect(() => handlerWith({ policy: { allowUrls: 'yes' as never } })).toThrow(
      'policy.allowUrls must be true or false.',
    )
  })
})
