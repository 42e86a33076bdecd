// @vitest-environment jsdom
import { ImageKitInvalidRequestError, ImageKitServerError, upload } from '@imagekit/javascript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, harness, signed, stopHarness } from './helpers.js'

let h: Harness
beforeAll(async () => {
  // jsdom applies CORS: the SDK reads the id only when it is exposed (request-id-browser.test.ts).
  h = await harness({ exposeRequestId: true })
})
afterAll(() => stopHarness(h))

/** @imagekit/javascript hard-codes upload.imagekit.io; an XHR whose open() rewrites it reaches us. */
function emulatorXhr(): XMLHttpRequest {
  const xhr = new XMLHttpRequest()
  const open = xhr.open.bind(xhr) as (method: string, url: string, async?: boolean) => void
  xhr.open = ((method: string, url: string | URL) =>
    open(method, String(url).replace('https://upload.imagekit.io', h.emu.url), true)) as typeof xhr.open
  return xhr
}

describe('@imagekit/javascript upload() in jsdom against the emulator', () => {
  it('uploads and parses the success answer, with the request id', async () => {
    const progress: number[] = []
    const response = await upload({
      file: new File(['browser bytes'], 'from-browser.txt', { type: 'text/plain' }),
      fileName: 'from-browser.txt',
      tags: ['web', 'sdk'],
      folder: '/browser',
      responseFields: ['tags'],
      ...signed(h),
      expire: Number(signed(h).expire),
      onProgress: (event) => progress.push(event.loaded),
      xhr: emulatorXhr(),
    })
    expect(response).toMatchObject({ fileType: 'non-image', tags: ['web', 'sdk'], size: 13 })
    expect(response.filePath).toMatch(/^\/browser\/from-browser_[A-Za-z0-9_-]{9}\.txt$/)
    expect(response.$ResponseMetadata.statusCode).toBe(200)
    expect(response.$ResponseMetadata.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(await h.emu.files()).toHaveLength(1)
  })

  it('parses an error answer into ImageKitInvalidRequestError with the request id', async () => {
    const params = signed(h)
    const error = await upload({
      file: new File(['x'], 'x.txt'),
      fileName: 'x.txt',
      ...params,
      expire: Number(params.expire),
      signature: 'f'.repeat(40),
      xhr: emulatorXhr(),
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ImageKitInvalidRequestError)
    const typed = error as ImageKitInvalidRequestError
    expect(typed.message).toBe('Your request contains invalid signature parameter.')
    expect(typed.$ResponseMetadata?.statusCode).toBe(400)
    expect(typed.$ResponseMetadata?.requestId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('a long latency still ends in a normal answer', async () => {
    h.emu.faults.add({ times: 1, action: { type: 'latency', ms: 1200 } })
    const params = signed(h)
    const response = await upload({
      file: new File(['slow'], 'slow.txt'),
      fileName: 'slow.txt',
      ...params,
      expire: Number(params.expire),
      xhr: emulatorXhr(),
    })
    expect(response.$ResponseMetadata.statusCode).toBe(200)
  })

  it('a reused token gets ImageKit’s message', async () => {
    const params = signed(h)
    const send = () =>
      upload({
        file: new File(['x'], 'x.txt'),
        fileName: 'x.txt',
        ...params,
        expire: Number(params.expire),
        xhr: emulatorXhr(),
      })
    await send()
    await expect(send()).rejects.toThrow(/has been used before/)
  })

  it('exposes the rate-limit headers to a 429, and maps 5xx (JSON or not) to ImageKitServerError', async () => {
    const attempt = () => {
      const params = signed(h)
      return upload({
        file: new File(['x'], 'x.txt'),
        fileName: 'x.txt',
        ...params,
        expire: Number(params.expire),
        xhr: emulatorXhr(),
      }).catch((e: unknown) => e)
    }
    const before = (await h.emu.files()).length
    h.emu.faults.add({ times: 1, action: { type: 'rate-limit', resetMs: 2500 } })
    const limited = (await attempt()) as ImageKitInvalidRequestError
    expect(limited).toBeInstanceOf(ImageKitInvalidRequestError)
    expect(limited.$ResponseMetadata?.statusCode).toBe(429)
    expect(limited.$ResponseMetadata?.headers['x-ratelimit-reset']).toBe('2500')
    h.emu.faults.add({ times: 1, action: { type: 'status', status: 503 } })
    const down = (await attempt()) as ImageKitServerError
    expect(down).toBeInstanceOf(ImageKitServerError)
    expect(down.message).toBe('We have encountered an internal error. Please try again later.')
    h.emu.faults.add({ times: 1, action: { type: 'status', status: 502, body: '<html>502</html>' } })
    expect(await attempt()).toBeInstanceOf(ImageKitServerError)
    expect(await h.emu.files()).toHaveLength(before)
  })
})
