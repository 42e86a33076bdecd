import { gatewayErrorFault } from '@upkit/imagekit-emulator'
import { resetEmulator, type Servers, startServers } from '@upkit/test-support'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { readRequestId } from '../src/error-mapping.js'
import { enErrors } from '../src/locales/en-errors.js'
import { makeFile, waitFor } from './helpers/fake-xhr.js'
import { idle, makeEngine } from './helpers/real-engine.js'

const headers =
  (values: Record<string, string>) =>
  (name: string): string | null =>
    values[name] ?? null

describe('readRequestId', () => {
  it('takes x-ik-requestid, else x-request-id', () => {
    expect(readRequestId(headers({ 'x-ik-requestid': 'a', 'x-request-id': 'b' }))).toBe('a')
    expect(readRequestId(headers({ 'x-request-id': 'b' }))).toBe('b')
    expect(readRequestId(headers({}))).toBeUndefined()
  })

  it('treats a blank header as no id (a proxy that forwards an empty one)', () => {
    expect(readRequestId(headers({ 'x-ik-requestid': '', 'x-request-id': 'b' }))).toBe('b')
    expect(readRequestId(headers({ 'x-ik-requestid': '  ' }))).toBeUndefined()
    expect(readRequestId(headers({ 'x-request-id': ' c ' }))).toBe('c')
  })
})

describe('a failure answered without a request id (the emulator, against a real server)', () => {
  let s: Servers
  beforeAll(async () => {
    s = await startServers()
  })
  afterAll(() => s.stop(), 10_000)
  afterEach(() => resetEmulator(s.emulator))

  it('a gateway 502 page: the plain server-error message, with no request-id text', async () => {
    s.emulator.faults.add({ match: { fileName: 'gw.png' }, action: gatewayErrorFault(502) })
    const { uploader } = makeEngine(s, { retry: { limit: 1, baseDelayMs: 5, maxDelayMs: 20 } })
    await uploader.addFiles([makeFile('gw.png')])
    const error = (await waitFor(uploader, idle)).files[0]!.error!
    expect(error).toMatchObject({ code: 'SERVER_ERROR', status: 502, requestId: undefined })
    expect(error.message).toBe(enErrors.SERVER_ERROR)
    expect(error.message).not.toMatch(/Request ID|\(\s*\)|:\s*$/)
  })

  it('an ImageKit 4xx whose id the browser cannot read (not exposed): the message alone', async () => {
    await s.stop()
    s = await startServers({ emulator: { exposeRequestId: false } })
    s.emulator.setStorageQuota(1)
    const { uploader } = makeEngine(s)
    await uploader.addFiles([makeFile('full.png')])
    const error = (await waitFor(uploader, idle)).files[0]!.error!
    expect(error.code).toBe('STORAGE_LIMIT_EXCEEDED')
    expect(error.requestId).toBeUndefined()
    expect(error.message).toBe(enErrors.STORAGE_LIMIT_EXCEEDED)
  })
})
