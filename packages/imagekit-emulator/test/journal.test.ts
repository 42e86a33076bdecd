import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FileStore } from '../src/file-store.js'
import { startEmulator } from '../src/index.js'
import { type Harness, harness, stopHarness, uploadV1 } from './helpers.js'
import { fileRecord, seedLegacyIndex, writeBlob } from './seed-index.js'

let h: Harness | undefined
let dir = ''
afterEach(async () => {
  await stopHarness(h)
  h = undefined
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = ''
})

const journalLines = (path: string) => readFileSync(path, 'utf8').trimEnd().split('\n')
const paths = async (target: Harness) => (await target.emu.files()).map((file) => file.filePath).sort()
const line = (entry: unknown) => `${JSON.stringify(entry)}\n`

describe('the index: a snapshot plus an append-only journal', () => {
  it('an upload appends one line to the journal and leaves the snapshot alone, however many files are stored', async () => {
    dir = mkdtempSync(join(tmpdir(), 'upkit-journal-'))
    seedLegacyIndex(dir, 1000)
    const before = readFileSync(join(dir, 'index.json'), 'utf8')
    h = await harness({ dataDir: dir })
    expect(await h.emu.files()).toHaveLength(1000)
    expect((await uploadV1(h, { fileName: 'new.txt' })).status).toBe(200)
    expect(readFileSync(join(dir, 'index.json'), 'utf8')).toBe(before)
    expect(journalLines(join(dir, 'journal.1.jsonl'))).toHaveLength(1)
  })

  it('ignores a torn last line (a crash mid-append), cuts it off, and appends cleanly after it', async () => {
    h = await harness()
    await uploadV1(h, { fileName: 'one.txt', useUniqueFileName: 'false' })
    await uploadV1(h, { fileName: 'two.txt', useUniqueFileName: 'false' })
    await h.emu.stop()
    const journal = join(h.dir, 'journal.1.jsonl')
    const whole = readFileSync(journal, 'utf8')
    appendFileSync(journal, '{"op":"put","record":{"fileId":"6a1')
    h = await harness({ dataDir: h.dir })
    expect(await paths(h)).toEqual(['/one.txt', '/two.txt'])
    expect(readFileSync(journal, 'utf8')).toBe(whole)
    await uploadV1(h, { fileName: 'three.txt', useUniqueFileName: 'false' })
    await h.emu.stop()
    h = await harness({ dataDir: h.dir })
    expect(await paths(h)).toEqual(['/one.txt', '/three.txt', '/two.txt'])
  })

  it('refuses to start on a corrupt line that is not the last, rather than guess', async () => {
    dir = mkdtempSync(join(tmpdir(), 'upkit-journal-'))
    const record = fileRecord('/a.bin')
    writeBlob(dir, record)
    writeFileSync(
      join(dir, 'journal.1.jsonl'),
      `${line({ op: 'put', record })}garbage\n${line({ op: 'clear' })}`,
    )
    await expect(startEmulator({ dataDir: dir })).rejects.toThrow(/journal\.1\.jsonl line 2 is corrupt/)
    expect(readdirSync(join(dir, 'files'))).toEqual([record.blob])
  })

  it('refuses to start on an unreadable index.json instead of deleting every stored file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'upkit-journal-'))
    const [record] = seedLegacyIndex(dir, 1)
    writeFileSync(join(dir, 'index.json'), '[{"fileId": "cut off')
    await expect(startEmulator({ dataDir: dir })).rejects.toThrow(
      /index\.json is not a readable emulator index/,
    )
    expect(readdirSync(join(dir, 'files'))).toEqual([record?.blob])
  })

  it('compacts into a snapshot once the journal outgrows the files stored, then starts a fresh journal', async () => {
    h = await harness({ compaction: { minLines: 4, ratio: 2 } })
    for (let i = 0; i < 12; i++) {
      const answer = await uploadV1(h, { fileName: 'same.txt', useUniqueFileName: 'false', tags: `v${i}` })
      expect(answer.status).toBe(200)
    }
    await h.emu.stop()
    const dataDir = h.dir
    const snapshot = JSON.parse(readFileSync(join(dataDir, 'index.json'), 'utf8'))
    expect(snapshot).toMatchObject({ format: 2, records: [{ filePath: '/same.txt' }] })
    const journals = readdirSync(dataDir).filter((name) => name.startsWith('journal.'))
    expect(journals.every((name) => Number(name.split('.')[1]) > snapshot.generation)).toBe(true)
    const lines = journals.flatMap((name) => journalLines(join(dataDir, name)))
    expect(lines.length).toBeLessThanOrEqual(5)
    h = await harness({ dataDir })
    expect(await h.emu.files()).toMatchObject([{ filePath: '/same.txt', version: 12, tags: ['v11'] }])
    expect(readdirSync(join(h.dir, 'files'))).toHaveLength(1)
  })
})

describe('a crash in the middle of a compaction', () => {
  it('after the new snapshot was renamed in: the journals it covers are skipped, not applied again', async () => {
    dir = mkdtempSync(join(tmpdir(), 'upkit-journal-'))
    const [a, b, c] = ['/a.bin', '/b.bin', '/c.bin'].map((path) => fileRecord(path))
    for (const record of [a, b, c]) if (record) writeBlob(dir, record)
    writeFileSync(join(dir, 'index.json'), JSON.stringify({ format: 2, generation: 3, records: [a] }))
    // journal.3 is covered by the snapshot (a line in it that the snapshot lacks proves it is not replayed).
    writeFileSync(join(dir, 'journal.3.jsonl'), line({ op: 'put', record: b }))
    writeFileSync(join(dir, 'journal.4.jsonl'), line({ op: 'put', record: c }))
    h = await harness({ dataDir: dir })
    dir = ''
    expect(await paths(h)).toEqual(['/a.bin', '/c.bin'])
    expect(readdirSync(h.dir).filter((name) => name.startsWith('journal.'))).toEqual(['journal.4.jsonl'])
    expect(readdirSync(join(h.dir, 'files')).sort()).toEqual([a?.blob, c?.blob].sort())
  })

  it('before the rename: the old snapshot and every journal are replayed in order, the half snapshot dropped', async () => {
    dir = mkdtempSync(join(tmpdir(), 'upkit-journal-'))
    const [a, b, c] = ['/a.bin', '/b.bin', '/c.bin'].map((path) => fileRecord(path))
    for (const record of [a, b, c]) if (record) writeBlob(dir, record)
    writeFileSync(join(dir, 'index.json'), JSON.stringify([a]))
    writeFileSync(join(dir, 'index.json.0a1b2c3d4e5f.tmp'), '{"format":2,"generation":1,"records":[')
    writeFileSync(
      join(dir, 'journal.1.jsonl'),
      line({ op: 'put', record: b }) + line({ op: 'delete', filePath: '/a.bin' }),
    )
    writeFileSync(join(dir, 'journal.2.jsonl'), line({ op: 'put', record: c }))
    h = await harness({ dataDir: dir })
    dir = ''
    expect(await paths(h)).toEqual(['/b.bin', '/c.bin'])
    expect(readdirSync(h.dir).filter((name) => name.includes('index.json'))).toEqual(['index.json'])
    await uploadV1(h, { fileName: 'd.bin', useUniqueFileName: 'false' })
    expect(journalLines(join(h.dir, 'journal.2.jsonl'))).toHaveLength(2)
  })
})

describe('file details: update and delete are journal changes too', () => {
  it('update sets tags and custom metadata, delete removes record and bytes, both survive a restart', async () => {
    dir = mkdtempSync(join(tmpdir(), 'upkit-journal-'))
    const store = new FileStore(dir, () => 'http://127.0.0.1/ik')
    for (const path of ['/keep.bin', '/gone.bin']) {
      const temp = store.tempPath()
      writeFileSync(temp, 'data')
      const { blob: _blob, ...record } = fileRecord(path)
      await store.commit(temp, record)
    }
    const gone = store.record('/gone.bin')
    const updated = await store.update('/keep.bin', { tags: ['a', 'b'], customMetadata: { shot: 3 } })
    expect(updated).toMatchObject({ filePath: '/keep.bin', tags: ['a', 'b'], customMetadata: { shot: 3 } })
    expect(await store.delete('/gone.bin')).toBe(true)
    expect(await store.delete('/gone.bin')).toBe(false)
    expect(await store.update('/nothing.bin', { tags: ['x'] })).toBeUndefined()
    await store.close()
    const reopened = new FileStore(dir, () => 'http://127.0.0.1/ik')
    expect(reopened.list()).toMatchObject([
      { filePath: '/keep.bin', tags: ['a', 'b'], customMetadata: { shot: 3 } },
    ])
    expect(readdirSync(join(dir, 'files'))).not.toContain(gone?.blob)
    expect(reopened.storedBytes()).toBe(4)
    await reopened.close()
  })
})
