import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type StoredFile, startEmulator } from '../src/index.js'
import { type ChildEmulator, spawnEmulator, startPartialUpload, uploadTo } from './child-emulator.js'
import { eventually } from './helpers.js'
import { seedLegacyIndex } from './seed-index.js'

const SLOW = { timeout: 90_000 }
let dir = ''
let child: ChildEmulator | undefined
afterEach(async () => {
  await child?.kill()
  child = undefined
  rmSync(dir, { recursive: true, force: true })
})

/** What the test sent (by file name) and which uploads were answered 200. */
interface Sent {
  bytes: Map<string, Buffer>
  answered: Set<string>
}

const newSent = (): Sent => ({ bytes: new Map(), answered: new Set() })

/** Upload `count` files of random bytes (1–41 KB), `concurrency` at a time, until done or the process dies. */
async function uploadMany(target: ChildEmulator, sent: Sent, prefix: string, count: number, concurrency = 3) {
  let next = 0
  const worker = async () => {
    while (next < count) {
      const name = `${prefix}-${next++}.bin`
      const bytes = randomBytes(1024 + Math.floor(Math.random() * 40 * 1024))
      sent.bytes.set(name, bytes)
      const answer = await uploadTo(target, name, new Uint8Array(bytes)).catch(() => undefined)
      if (!answer) return // the connection failed: the process is gone
      if (answer.status === 200) sent.answered.add(name)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}

/**
 * Restart on the data dir (in this process) and check the crash rules: every upload answered 200 is
 * listed and served byte-identical; whatever else is listed is complete; nothing half-written stays.
 */
async function restartAndCheck(sent: Sent): Promise<StoredFile[]> {
  const emu = await startEmulator({ dataDir: dir })
  try {
    const files = await emu.files()
    const listed = new Set(files.map((file) => file.filePath))
    for (const name of sent.answered) expect(listed, `${name} was answered 200`).toContain(`/${name}`)
    for (const file of files.filter((stored) => !stored.filePath.startsWith('/seed/'))) {
      const served = Buffer.from(await (await fetch(file.url)).arrayBuffer())
      expect(served.equals(sent.bytes.get(file.filePath.slice(1)) ?? Buffer.alloc(0)), file.filePath).toBe(
        true,
      )
    }
    expect(readdirSync(join(dir, 'files'))).toHaveLength(files.length)
    expect(emu.tempFiles()).toEqual([])
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([])
    return files
  } finally {
    await emu.stop()
  }
}

describe('crash safety (a real emulator process killed with SIGKILL)', () => {
  it('keeps every file answered 200 when killed right after the last answer', SLOW, async () => {
    dir = mkdtempSync(join(tmpdir(), 'upkit-crash-'))
    child = await spawnEmulator(dir)
    const sent = newSent()
    await uploadMany(child, sent, 'done', 30)
    expect(sent.answered.size).toBe(30)
    await child.kill()
    expect(await restartAndCheck(sent)).toHaveLength(30)
  })

  it(
    'keeps what was answered and lists nothing half-written when killed in the middle of uploads',
    SLOW,
    async () => {
      dir = mkdtempSync(join(tmpdir(), 'upkit-crash-'))
      child = await spawnEmulator(dir)
      const sent = newSent()
      await uploadMany(child, sent, 'before', 10)
      const partial = startPartialUpload(child, 'partial.bin', 64 * 1024)
      const burst = uploadMany(child, sent, 'burst', 12, 4)
      await eventually(() => readdirSync(join(dir, 'tmp')).length > 0)
      await child.kill()
      await burst
      partial.destroy()
      const files = await restartAndCheck(sent)
      expect(files.map((file) => file.filePath)).not.toContain('/partial.bin')
      expect(sent.answered.size).toBeGreaterThanOrEqual(10)
    },
  )

  it('loses and doubles nothing when killed while a compaction writes its snapshot', SLOW, async () => {
    dir = mkdtempSync(join(tmpdir(), 'upkit-crash-'))
    const seeded = seedLegacyIndex(dir, 4000)
    // ratio 0: every change starts a compaction when none is running, so one is nearly always under way.
    child = await spawnEmulator(dir, { minLines: 0, ratio: 0 })
    const sent = newSent()
    const target = child
    let caught = false
    const uploads = uploadMany(target, sent, 'during', 5000, 2)
    await eventually(async () => {
      // After a few compactions have finished, so the kill lands in a later one over a newer snapshot.
      if (sent.answered.size < 20) return false
      caught = readdirSync(dir).some((name) => name.startsWith('index.json.') && name.endsWith('.tmp'))
      if (caught) await target.kill()
      return caught
    }, 2000)
    await uploads
    expect(caught).toBe(true)
    const files = await restartAndCheck(sent)
    expect(files.filter((file) => file.filePath.startsWith('/seed/'))).toHaveLength(seeded.length)
    expect(new Set(files.map((file) => file.filePath)).size).toBe(files.length)
    expect(existsSync(join(dir, 'index.json'))).toBe(true)
  })
})
