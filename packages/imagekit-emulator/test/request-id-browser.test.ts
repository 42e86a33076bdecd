// @vitest-environment jsdom
import { ImageKitServerError, upload } from '@imagekit/javascript'
import { afterEach, describe, expect, it } from 'vitest'
import { gatewayErrorFault } from '../src/index.js'
import { type Harness, harness, signed, stopHarness } from './helpers.js'

let h: Harness | undefined
afterEach(async () => {
  await stopHarness(h)
  h = undefined
})

/** @imagekit/javascript hard-codes upload.imagekit.io; an XHR whose open() rewrites it reaches us. */
function emulatorXhr(url: string): XMLHttpRequest {
  const xhr = new XMLHttpRequest()
  const open = xhr.open.bind(xhr) as (method: string, url: string, async?: boolean) => void
  xhr.open = ((method: string, target: string | URL) =>
    open(method, String(target).replace('https://upload.imagekit.io', url), true)) as typeof xhr.open
  return xhr
}

const send = (emu: Harness) =>
  upload({
    file: new File(['x'], 'x.txt'),
    fileName: 'x.txt',
    ...signed(emu),
    expire: Number(signed(emu).expire),
    xhr: emulatorXhr(emu.emu.url),
  })

describe('what browser code sees of the request id (CORS applies in jsdom)', () => {
  it('by default, like ImageKit: nothing, though the header is sent', async () => {
    h = await harness()
    const response = await send(h)
    expect(response.$ResponseMetadata.statusCode).toBe(200)
    expect(response.$ResponseMetadata.requestId).toBeUndefined()
  })

  it('with exposeRequestId: the id', async () => {
    h = await harness({ exposeRequestId: true })
    expect((await send(h)).$ResponseMetadata.requestId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('a gateway 5xx: no id even when exposed', async () => {
    h = await harness({ exposeRequestId: true })
    h.emu.faults.add({ times: 1, action: gatewayErrorFault(504) })
    const error = (await send(h).catch((e: unknown) => e)) as ImageKitServerError
    expect(error).toBeInstanceOf(ImageKitServerError)
    expect(error.$ResponseMetadata?.statusCode).toBe(504)
    expect(error.$ResponseMetadata?.requestId).toBeUndefined()
  })
})
