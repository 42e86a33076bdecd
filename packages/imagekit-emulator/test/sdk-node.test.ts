import { BadRequestError, ImageKit, PermissionDeniedError, toFile } from '@imagekit/nodejs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Harness, HELP, harness, png, stopHarness } from './helpers.js'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => stopHarness(h))

const client = (privateKey = h.emu.keys.primary.privateKey) =>
  new ImageKit({ privateKey, baseURL: h.emu.url, maxRetries: 0 })

describe('@imagekit/nodejs against the emulator', () => {
  it('uploads server-side with typed params and parses the answer', async () => {
    const image = Buffer.from(await (await png(30, 20)).arrayBuffer())
    const response = await client().files.upload({
      file: await toFile(image, 'sdk.png'),
      fileName: 'sdk photo.png',
      folder: '/sdk',
      tags: ['one', 'two'],
      useUniqueFileName: false,
      customMetadata: { source: 'test' },
      responseFields: ['tags', 'customMetadata', 'isPrivateFile'],
    })
    expect(response).toMatchObject({
      name: 'sdk_photo.png',
      filePath: '/sdk/sdk_photo.png',
      width: 30,
      height: 20,
      fileType: 'image',
      tags: ['one', 'two'],
      customMetadata: { source: 'test' },
      isPrivateFile: false,
    })
    expect(response.fileId).toMatch(/^[0-9a-f]{24}$/)
    expect(await h.emu.files()).toHaveLength(1)
  })

  it('uploads through the v2 endpoint with Basic auth', async () => {
    const response = await client().beta.v2.files.upload({
      file: await toFile(Buffer.from('v2 body'), 'v2.txt'),
      fileName: 'v2.txt',
    })
    expect(response.fileType).toBe('non-image')
  })

  it('parses errors into its typed classes', async () => {
    const wrongKey = client('private_wrong').files.upload({
      file: await toFile(Buffer.from('x'), 'x.txt'),
      fileName: 'x.txt',
    })
    await expect(wrongKey).rejects.toBeInstanceOf(PermissionDeniedError)
    const error = await wrongKey.catch((e: unknown) => e)
    expect(error).toMatchObject({
      status: 403,
      error: { message: 'Your account cannot be authenticated.', help: HELP },
    })
    expect((error as PermissionDeniedError).headers?.get('x-request-id')).toBeTruthy()

    const conflict = async () =>
      client().files.upload({
        file: await toFile(Buffer.from('x'), 'x.txt'),
        fileName: 'same.txt',
        useUniqueFileName: false,
        overwriteFile: false,
      })
    await conflict()
    const bad = await conflict().catch((e: unknown) => e)
    expect(bad).toBeInstanceOf(BadRequestError)
    expect((bad as BadRequestError).message).toMatch(/already exists at the exact location/)
  })
})
