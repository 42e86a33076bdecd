import { readdirSync } from 'node:fs'
import { type FileHandle, open, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { syncDir } from './fsync.js'
import type { JournalEntry } from './journal-entry.js'

/** Appends waiting for the same write and flush (group commit). */
interface Batch {
  lines: string[]
  written: Promise<void>
}

/** `dataDir/journal.<generation>.jsonl` */
export const journalPath = (dataDir: string, generation: number): string =>
  join(dataDir, `journal.${generation}.jsonl`)

/** Generations of the journal files in dataDir, oldest first. */
export function journalGenerations(dataDir: string): number[] {
  return readdirSync(dataDir)
    .map((name) => /^journal\.(\d+)\.jsonl$/.exec(name)?.[1])
    .filter((digits) => digits !== undefined)
    .map(Number)
    .sort((a, b) => a - b)
}

/**
 * The append-only log of index changes: one JSON line per change, written and flushed (fdatasync)
 * before append() resolves. Writes are serialised; appends that arrive while one is being flushed
 * share the next write and flush. rotate() closes the current file and starts the next generation,
 * in order with the appends: everything appended before it is in the old file, everything after in
 * the new one.
 */
export class Journal {
  #dataDir: string
  #generation: number
  #lines: number
  #handle: FileHandle | undefined
  #size = 0
  #open: Batch | undefined
  #tail: Promise<unknown> = Promise.resolve()

  constructor(dataDir: string, generation: number, lines: number) {
    this.#dataDir = dataDir
    this.#generation = generation
    this.#lines = lines
  }

  /** Lines appended to the generations not yet covered by a snapshot. */
  get lines(): number {
    return this.#lines
  }

  append(entry: JournalEntry): Promise<void> {
    this.#lines++
    const batch = this.#open ?? this.#startBatch()
    batch.lines.push(`${JSON.stringify(entry)}\n`)
    return batch.written
  }

  /** Start the next generation after the appends so far; resolves with the generation it closed. */
  rotate(): Promise<number> {
    this.#open = undefined
    this.#lines = 0
    return this.#enqueue(async () => {
      await this.#closeFile()
      return this.#generation++
    })
  }

  /** Delete the files of generations up to `generation` (covered by a snapshot, no longer written). */
  async dropThrough(generation: number): Promise<void> {
    const covered = journalGenerations(this.#dataDir).filter((g) => g <= generation)
    await Promise.all(covered.map((g) => rm(journalPath(this.#dataDir, g), { force: true })))
  }

  /** Wait for every append, then close the file (a later append opens it again). */
  close(): Promise<void> {
    this.#open = undefined
    return this.#enqueue(() => this.#closeFile())
  }

  #startBatch(): Batch {
    const batch: Batch = { lines: [], written: Promise.resolve() }
    batch.written = this.#enqueue(() => {
      if (this.#open === batch) this.#open = undefined
      return this.#write(batch.lines.join(''))
    })
    this.#open = batch
    return batch
  }

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(task)
    this.#tail = run.catch(() => undefined)
    return run
  }

  async #write(data: string): Promise<void> {
    const handle = await this.#file()
    const size = this.#size
    try {
      await handle.appendFile(data)
      await handle.datasync()
      this.#size += Buffer.byteLength(data)
    } catch (error) {
      // Cut a partial write off, so the next line does not start in the middle of a torn one.
      await handle.truncate(size).catch(() => undefined)
      throw error
    }
  }

  async #file(): Promise<FileHandle> {
    if (this.#handle) return this.#handle
    const handle = await open(journalPath(this.#dataDir, this.#generation), 'a')
    this.#size = (await handle.stat()).size
    // A new file's name must survive a crash of the machine too, not only its lines.
    if (this.#size === 0) await syncDir(this.#dataDir)
    this.#handle = handle
    return handle
  }

  async #closeFile(): Promise<void> {
    const handle = this.#handle
    this.#handle = undefined
    await handle?.close()
  }
}
