import { readdirSync, readFileSync, rmSync, truncateSync } from 'node:fs'
import { join } from 'node:path'
import { isAtomicTemp } from './atomic-write.js'
import type { FileRecord } from './file-store.js'
import { journalGenerations, journalPath } from './journal.js'
import { applyEntry, parseEntry } from './journal-entry.js'
import { readSnapshot } from './snapshot.js'

export interface LoadedIndex {
  records: Map<string, FileRecord>
  /** The journal generation to append to. */
  generation: number
  /** Lines replayed from journals the snapshot does not cover (they count towards compaction). */
  lines: number
}

/**
 * Replay one journal file into the records. Its last line is torn when the process died while
 * appending it (no newline, or not JSON): it was never acknowledged, so it is dropped and cut off
 * the file. Any other bad line is corruption and stops the start rather than guessing.
 */
function replay(path: string, records: Map<string, FileRecord>): number {
  const text = readFileSync(path, 'utf8')
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  const last = lines.at(-1)
  const torn = last !== undefined && (!text.endsWith('\n') || parseEntry(last) === undefined)
  if (torn) lines.pop()
  lines.forEach((line, index) => {
    const entry = parseEntry(line)
    if (!entry) throw new Error(`${path} line ${index + 1} is corrupt: repair or remove it`)
    applyEntry(records, entry)
  })
  const kept = lines.reduce((bytes, line) => bytes + Buffer.byteLength(line) + 1, 0)
  if (torn) truncateSync(path, kept)
  return lines.length
}

/**
 * Load the index: the snapshot `index.json`, then the journals newer than it, in order. Journals it
 * already covers (a crash came between writing the snapshot and deleting them) are deleted unread,
 * so nothing is applied twice; temp files of a snapshot that was being written are deleted too.
 */
export function loadIndex(dataDir: string): LoadedIndex {
  for (const name of readdirSync(dataDir)) {
    if (isAtomicTemp(name, 'index.json')) rmSync(join(dataDir, name), { force: true })
  }
  const snapshot = readSnapshot(join(dataDir, 'index.json'))
  const records = new Map(snapshot.records.map((record) => [record.filePath, record]))
  let generation = snapshot.generation + 1
  let lines = 0
  for (const found of journalGenerations(dataDir)) {
    const path = journalPath(dataDir, found)
    if (found <= snapshot.generation) {
      rmSync(path, { force: true })
      continue
    }
    lines += replay(path, records)
    generation = found
  }
  return { records, generation, lines }
}
