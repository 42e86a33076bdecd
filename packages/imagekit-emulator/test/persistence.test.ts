import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startEmulator } from '../src/index.js'
import { type Harness, harness, stopHarness, uploadV1 } from './helpers.js'

let h: Harness | undefined
afterEach(async () => {
  await stopHarness(h)
  h = undefined
})

describe('data safety and restarts', () => {
  it('keeps keys and files across a restart', async () => {
    h = await harness()
    const key = h.emu.keys.primary
    const answer = await uploadV1(h, { fileName: 'keep.txt', tags: 'x' })
    expect(answer.status).toBe(200)
    await h.emu.stop()
    h = await harness({ dataDir: h.dir })
    expect(h.emu.keys.primary).toEqual(key)
    const files = await h.emu.files()
    expect(files).toHaveLength(1)
    expect(files[0]).toMatchObject({ fileId: answer.body.fileId, tags: ['x'] })
    const served = await fetch(`${h.emu.urlEndpoint}${answer.body.filePath}`)
    expect(await served.text()).toBe('hello world')
    const journal = readFileSync(join(h.dir, 'journal.1.jsonl'), 'utf8').trimEnd().split('\n')
    expect(journal.map((line) => JSON.parse(line))).toMatchObject([
      { op: 'put', record: { fileId: answer.body.fileId } },
    ])
  })

  it('stores bytes by id inside dataDir only, and drops crash leftovers', async () => {
    h = await harness()
    await uploadV1(h, { fileName: 'a.txt', folder: '/deep/er' })
    const stored = readdirSync(join(h.dir, 'files'))
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatch(/^[0-9a-f]{24}-/)
    expect(existsSync(join(h.dir, 'deep'))).toBe(false)
    expect(readdirSync(h.dir).sort()).toEqual(['files', 'journal.1.jsonl', 'keys.json', 'tmp'])
    writeFileSync(join(h.dir, 'tmp', 'crashed.part'), 'half a file')
    await h.emu.stop()
    h = await harness({ dataDir: h.dir })
    expect(h.emu.tempFiles()).toEqual([])
    expect(await h.emu.files()).toHaveLength(1)
  })

  it('removes orphan blobs (bytes no record points at, left by a crash) at start and keeps the others', async () => {
    h = await harness()
    const answer = await uploadV1(h, { fileName: 'kept.txt' })
    const kept = readdirSync(join(h.dir, 'files'))
    await h.emu.stop()
    writeFileSync(join(h.dir, 'files', '0123456789abcdef01234567-orphan00'), 'renamed in, never indexed')
    h = await harness({ dataDir: h.dir })
    expect(readdirSync(join(h.dir, 'files'))).toEqual(kept)
    const served = await fetch(`${h.emu.urlEndpoint}${answer.body.filePath}`)
    expect(await served.text()).toBe('hello world')
  })

  it('keys passed as an option are used and not persisted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'upkit-emu-'))
    const emu = await startEmulator({
      dataDir: dir,
      keys: [{ publicKey: 'public_test', privateKey: 'private_test' }],
    })
    try {
      expect(emu.keys.list()).toEqual([
        { publicKey: 'public_test', privateKey: 'private_test', type: 'standard', mediaAccess: 'readwrite' },
      ])
      expect(existsSync(join(dir, 'keys.json'))).toBe(false)
    } finally {
      await emu.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('clearFiles and resetStats', async () => {
    h = await harness()
    await uploadV1(h)
    await h.emu.clearFiles()
    expect(await h.emu.files()).toEqual([])
    expect(readdirSync(join(h.dir, 'files'))).toEqual([])
    h.emu.resetStats()
    expect(h.emu.stats()).toEqual({ requests: 0, uploads: 0, tokensUsed: [] })
  })
})
