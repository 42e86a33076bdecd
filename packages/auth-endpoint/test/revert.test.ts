import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { type AuthHandlerOptions, createAuthHandler } from '../src/index.js'
import { action, startImageKit, type TestImageKit, uploadThrough } from './support/emulator.js'
import { call, expectNoKeyInAnything, recordingLogger } from './support.js'

afterAll(expectNoKeyInAnything)

let ik: TestImageKit | undefined
afterEach(async () => {
  await ik?.stop()
  ik = undefined
})

async function setup(options: Partial<AuthHandlerOptions<string>> = {}) {
  ik = await startImageKit()
  const { emu, clock } = ik
  const sign = createAuthHandler({
    publicKey: emu.keys.primary.publicKey,
    privateKey: emu.keys.primary.privateKey,
    apiBaseUrl: emu.url,
    logger: recordingLogger(),
    now: () => clock.now, // the route and ImageKit share one clock, so createdAt and "now" agree
    authorize: (request) => request.headers.get('x-user'),
    policy: { forcedFolder: (user) => `/users/${user}` },
    revert: true,
    ...options,
  })
  return { emu, clock, sign }
}

const exists = async (emu: TestImageKit['emu'], fileId: string) =>
  (await emu.files()).some((file) => file.fileId === fileId)

describe('revert: { action: "revert", fileId }', () => {
  it("deletes the caller's file from ImageKit and answers { reverted: fileId }; again, FILE_NOT_FOUND", async () => {
    const { emu, sign } = await setup()
    const uploaded = await uploadThrough(sign, emu, { fileName: 'oops.png' })
    const reverted = await call(sign, action('revert', uploaded.fileId))
    expect(reverted.status).toBe(200)
    expect(reverted.json).toEqual({ reverted: uploaded.fileId })
    expect(await exists(emu, uploaded.fileId)).toBe(false)
    const again = await call(sign, action('revert', uploaded.fileId))
    expect([again.status, again.json.code]).toEqual([404, 'FILE_NOT_FOUND'])
  })

  it("refuses another caller's file (FOLDER_NOT_ALLOWED) and leaves it in place", async () => {
    const { emu, sign } = await setup()
    const theirs = await uploadThrough(sign, emu, { fileName: 'keep.png', as: '8' })
    const refused = await call(sign, action('revert', theirs.fileId, '7'))
    expect([refused.status, refused.json.code]).toEqual([403, 'FOLDER_NOT_ALLOWED'])
    expect(await exists(emu, theirs.fileId)).toBe(true)
  })

  it("with { windowMs }, reverts only within that time of the file's createdAt (REVERT_EXPIRED after)", async () => {
    const { emu, clock, sign } = await setup({ revert: { windowMs: 60_000 } })
    const recent = await uploadThrough(sign, emu, { fileName: 'recent.png' })
    const old = await uploadThrough(sign, emu, { fileName: 'old.png' })
    clock.now += 59_000
    expect((await call(sign, action('revert', recent.fileId))).json).toEqual({ reverted: recent.fileId })
    clock.now += 2_000
    const late = await call(sign, action('revert', old.fileId))
    expect(late.status).toBe(403)
    expect(late.json).toEqual({
      code: 'REVERT_EXPIRED',
      message: 'That upload is older than 60 s and can no longer be reverted.',
    })
    expect(await exists(emu, old.fileId)).toBe(true)
  })

  it('is off by default: ACTION_NOT_ALLOWED (403), and nothing is deleted', async () => {
    const { emu, sign } = await setup({ revert: false })
    const uploaded = await uploadThrough(sign, emu, { fileName: 'a.png' })
    const got = await call(sign, action('revert', uploaded.fileId))
    expect(got.status).toBe(403)
    expect(got.json).toEqual({ code: 'ACTION_NOT_ALLOWED', message: 'This route does not offer "revert".' })
    expect(await exists(emu, uploaded.fileId)).toBe(true)
  })

  it("warns at startup when no per-caller forcedFolder keeps one caller from reverting another's files", async () => {
    ik = await startImageKit()
    const logger = recordingLogger()
    const { publicKey, privateKey } = ik.emu.keys.primary
    createAuthHandler({ publicKey, privateKey, logger, authorize: () => 'u', revert: true })
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('any caller may delete any file'))
  })
})
