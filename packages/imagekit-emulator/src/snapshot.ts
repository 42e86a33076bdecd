import { readFileSync } from 'node:fs'
import { writeFileAtomic } from './atomic-write.js'
import type { FileRecord } from './file-store.js'

/** The index as of the end of journal `generation` (0: before any journal, e.g. an old data dir). */
export interface Snapshot {
  generation: number
  records: FileRecord[]
}

const CHUNK = 256

function isSnapshot(value: unknown): value is Snapshot {
  const snapshot = value as Partial<Snapshot> | null
  return Number.isSafeInteger(snapshot?.generation) && Array.isArray(snapshot?.records)
}

/**
 * Read `dataDir/index.json`: `{ format: 2, generation, records }`, or the plain array of records
 * that emulators before the journal wrote (generation 0). A missing file is an empty index; an
 * unreadable one stops the start, since treating it as empty would delete every stored file.
 */
export function readSnapshot(path: string): Snapshot {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { generation: 0, records: [] }
    throw error
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    value = undefined
  }
  if (Array.isArray(value)) return { generation: 0, records: value as FileRecord[] }
  if (isSnapshot(value)) return { generation: value.generation, records: value.records }
  throw new Error(`${path} is not a readable emulator index: repair or remove it (and journal.*.jsonl)`)
}

/** The snapshot's JSON, a few hundred records at a time (one record per line). */
function* snapshotChunks(generation: number, records: readonly FileRecord[]): Generator<string> {
  yield `{"format":2,"generation":${generation},"records":[\n`
  for (let start = 0; start < records.length; start += CHUNK) {
    const lines = records.slice(start, start + CHUNK).map((record) => JSON.stringify(record))
    yield `${lines.join(',\n')}${start + CHUNK < records.length ? ',' : ''}\n`
  }
  yield ']}\n'
}

/** Write the snapshot atomically, in chunks, so uploads go on while a large index is written. */
export function writeSnapshot(
  path: string,
  generation: number,
  records: readonly FileRecord[],
): Promise<void> {
  return writeFileAtomic(path, snapshotChunks(generation, records))
}
