import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { KeyRuleError, ROLL_EXPIRY_MS, startEmulator } from '../src/index.js'
import { type Harness, harness, stopHarness } from './helpers.js'

let h: Harness | undefined
let dir = ''
afterEach(async () => {
  await stopHarness(h)
  h = undefined
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = ''
})

const tempDir = () => {
  dir = mkdtempSync(join(tmpdir(), 'upkit-keys-'))
  return dir
}

/** The coded error a call throws (fails the test when it does not throw one). */
function codeOf(operation: () => unknown): string {
  try {
    operation()
  } catch (error) {
    expect(error).toBeInstanceOf(KeyRuleError)
    return (error as KeyRuleError).code
  }
  throw new Error('expected a KeyRuleError')
}

async function startCode(keys: Parameters<typeof startEmulator>[0]): Promise<string> {
  const error = await startEmulator({ dataDir: tempDir(), ...keys }).then(
    async (emu) => {
      await emu.stop()
      return undefined
    },
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(KeyRuleError)
  return (error as KeyRuleError).code
}

describe('key rules (seeds: imagekit-api-keys.md), wherever keys are made', () => {
  it('startEmulator({ keys }) refuses more than five active pairs', async () => {
    const keys = Array.from({ length: 6 }, () => ({}))
    expect(await startCode({ keys })).toBe('KEY_LIMIT')
  })

  it('startEmulator({ keys }) refuses a set without a standard pair', async () => {
    expect(await startCode({ keys: [{ type: 'restricted', mediaAccess: 'read' }] })).toBe('NO_STANDARD_KEY')
  })

  it('startEmulator({ keys }) refuses duplicate keys and a standard pair with less than read and write', async () => {
    const twice = [{ publicKey: 'public_a' }, { publicKey: 'public_a' }]
    expect(await startCode({ keys: twice })).toBe('DUPLICATE_KEY')
    expect(await startCode({ keys: [{ type: 'standard', mediaAccess: 'read' }] })).toBe('INVALID_KEY')
  })

  it('add() stops at five active pairs; remove() keeps the last standard pair', async () => {
    h = await harness()
    for (let i = 0; i < 4; i++) h.emu.keys.add()
    expect(codeOf(() => h?.emu.keys.add())).toBe('KEY_LIMIT')
    const keys = h.emu.keys
    for (const key of keys.active().slice(1)) keys.remove(key.publicKey)
    expect(codeOf(() => keys.remove(keys.primary.publicKey))).toBe('LAST_STANDARD_KEY')
    expect(codeOf(() => keys.remove('public_nobody'))).toBe('UNKNOWN_KEY')
  })

  it('roll() accepts only the documented expiries: now, 1 h, 24 h, 3 days, 7 days', async () => {
    h = await harness()
    expect(ROLL_EXPIRY_MS).toEqual([0, 3_600_000, 86_400_000, 259_200_000, 604_800_000])
    const keys = h.emu.keys
    expect(codeOf(() => keys.roll(keys.primary.publicKey, { expiresInMs: 2 * 3_600_000 }))).toBe(
      'ROLL_EXPIRY',
    )
    for (const expiresInMs of ROLL_EXPIRY_MS) {
      const old = keys.primary
      keys.roll(old.publicKey, { expiresInMs })
      expect(old.expiresAt).toBe(h.clock.now + expiresInMs)
    }
    const rolled = keys.find((key) => key.expiresAt !== undefined)
    expect(codeOf(() => keys.roll(rolled?.publicKey ?? '', {}))).toBe('ALREADY_ROLLED')
  })

  it('the control routes answer 400 with the code', async () => {
    h = await harness()
    const call = async (method: string, path: string, body?: unknown) => {
      const init: RequestInit = { method, headers: { 'content-type': 'application/json' } }
      if (body !== undefined) init.body = JSON.stringify(body)
      const response = await fetch(`${h?.emu.url}/_emulator${path}`, init)
      return { status: response.status, body: await response.json() }
    }
    const pk = encodeURIComponent(h.emu.keys.primary.publicKey)
    const roll = await call('POST', `/keys/${pk}/roll`, { expiresInMs: 5000 })
    expect(roll).toMatchObject({ status: 400, body: { code: 'ROLL_EXPIRY' } })
    expect(roll.body.message).toMatch(/1 hour|24 hours|3 days|7 days/)
    expect((await call('DELETE', `/keys/${pk}`)).body).toMatchObject({ code: 'LAST_STANDARD_KEY' })
    for (let i = 0; i < 4; i++) expect((await call('POST', '/keys', {})).status).toBe(200)
    expect(await call('POST', '/keys', {})).toMatchObject({ status: 400, body: { code: 'KEY_LIMIT' } })
    const bad = await call('POST', '/keys', { type: 'restricted', mediaAccess: 'admin' })
    expect(bad.body.code).toBe('INVALID_KEY')
  })

  it('a persisted keys.json that breaks the rules stops the start with the code', async () => {
    const data = tempDir()
    writeFileSync(join(data, 'keys.json'), JSON.stringify([{ type: 'restricted', mediaAccess: 'none' }]))
    const error = await startEmulator({ dataDir: data }).catch((reason: unknown) => reason)
    expect(error).toMatchObject({ code: 'NO_STANDARD_KEY' })
  })

  it('the CLI refuses a --keys file that breaks the rules, naming the code', () => {
    const data = tempDir()
    const file = join(data, 'keys.json.in')
    writeFileSync(file, JSON.stringify(Array.from({ length: 6 }, () => ({}))))
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', cli, '--port', '0', '--data-dir', data, '--keys', file],
      {
        encoding: 'utf8',
        timeout: 20_000,
      },
    )
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/KEY_LIMIT/)
  })
})
