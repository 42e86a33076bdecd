import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { syncDir, syncFile } from './fsync.js'
import { randomKey } from './ids.js'
import { Journal } from './journal.js'
import { applyEntry, type FilePatch, type JournalEntry } from './journal-entry.js'
import { loadIndex } from './load-index.js'
import { removeOrphanBlobs } from './remove-orphan-blobs.js'
import { writeSnapshot } from './snapshot.js'
import type { CompactionOptions, StoredFile } from './types.js'

/** What the index keeps per file; url, thumbnailUrl and diskPath are derived when read. */
export type FileRecord = Omit<StoredFile, 'url' | 'thumbnailUrl' | 'diskPath'> & { blob: string }

/**
 * Stored files. Bytes live in `dataDir/files/<blob id>` (never under a user-chosen path, so no
 * request can write outside dataDir); uploads stream into `dataDir/tmp/` and are renamed into place
 * when complete. The index is the snapshot `dataDir/index.json` plus the journal
 * `dataDir/journal.<generation>.jsonl`: each change appends one flushed line, so an upload costs the
 * same with 10 files stored or 10,000.
 *
 * Compaction, when the journal has grown past `minLines` and `ratio` × the files stored (so its
 * O(files) cost is spread over at least as many changes): the records are copied and the journal
 * rotated in the same tick as the last change, so the copy holds exactly the generations up to G;
 * then, while changes go on into G + 1, the snapshot "as of G" is written to a temp file, flushed and
 * renamed over index.json; then the journals up to G are deleted. A crash before the rename leaves
 * the old snapshot and every journal (all replayed); after it, the new snapshot and journals up to G
 * (skipped by generation, so nothing is applied twice). Either way nothing is lost or doubled.
 */
export class FileStore {
  #dataDir: string
  #filesDir: string
  #tmpDir: string
  #indexFile: string
  #records: Map<string, FileRecord>
  /** fileId → filePath, for the media API (which names files by id). */
  #ids = new Map<string, string>()
  #journal: Journal
  #compaction: Required<CompactionOptions>
  #compacting: Promise<void> | undefined
  #urlEndpoint: () => string
  #bytes = 0

  constructor(dataDir: string, urlEndpoint: () => string, compaction: CompactionOptions = {}) {
    this.#dataDir = dataDir
    this.#filesDir = join(dataDir, 'files')
    this.#tmpDir = join(dataDir, 'tmp')
    this.#indexFile = join(dataDir, 'index.json')
    this.#urlEndpoint = urlEndpoint
    this.#compaction = { minLines: compaction.minLines ?? 1000, ratio: compaction.ratio ?? 2 }
    mkdirSync(this.#filesDir, { recursive: true })
    // Leftovers of a crash mid-upload are never listed: drop them.
    rmSync(this.#tmpDir, { recursive: true, force: true })
    mkdirSync(this.#tmpDir, { recursive: true })
    const loaded = loadIndex(dataDir)
    this.#records = loaded.records
    for (const record of this.#records.values()) {
      this.#bytes += record.size
      this.#ids.set(record.fileId, record.filePath)
    }
    this.#journal = new Journal(dataDir, loaded.generation, loaded.lines)
    removeOrphanBlobs(this.#filesDir, this.#records.values())
    this.#maybeCompact()
  }

  get tmpDir(): string {
    return this.#tmpDir
  }

  /** A fresh temporary path for an upload in progress. */
  tempPath(): string {
    return join(this.#tmpDir, `${randomKey('public').slice(7)}.part`)
  }

  /** Bytes of every stored file (kept as a running total: checked on every chunk of an upload). */
  storedBytes(): number {
    return this.#bytes
  }

  record(filePath: string): FileRecord | undefined {
    return this.#records.get(filePath)
  }

  /** The current version of the file with this fileId. */
  byId(fileId: string): FileRecord | undefined {
    const filePath = this.#ids.get(fileId)
    return filePath === undefined ? undefined : this.#records.get(filePath)
  }

  diskPath(record: FileRecord): string {
    return join(this.#filesDir, record.blob)
  }

  /** Move a finished temp file into the store and index it (replacing a file at the same path). */
  async commit(tempPath: string, record: Omit<FileRecord, 'blob'>): Promise<StoredFile> {
    const blob = `${record.versionInfo.id}-${randomKey('public').slice(7, 15)}`
    // Bytes, then their name, then the journal line: a line never points at bytes a crash can lose.
    await syncFile(tempPath)
    await rename(tempPath, join(this.#filesDir, blob))
    await syncDir(this.#filesDir)
    const stored: FileRecord = { ...record, blob }
    await this.#change({ op: 'put', record: stored })
    return this.view(stored)
  }

  /** Set details of a stored file (tags, custom metadata…); undefined when there is no such file. */
  async update(filePath: string, patch: FilePatch): Promise<StoredFile | undefined> {
    if (!this.#records.has(filePath)) return undefined
    const changed = this.#change({ op: 'update', filePath, patch })
    const updated = this.#records.get(filePath)!
    await changed
    return this.view(updated)
  }

  /** Remove a stored file and its bytes; false when there is no such file. */
  async delete(filePath: string): Promise<boolean> {
    if (!this.#records.has(filePath)) return false
    await this.#change({ op: 'delete', filePath })
    return true
  }

  list(): StoredFile[] {
    return [...this.#records.values()].map((record) => this.view(record))
  }

  clear(): Promise<void> {
    return this.#change({ op: 'clear' })
  }

  /** The public view of a record, with URLs for the current URL endpoint. */
  view(record: FileRecord): StoredFile {
    const { blob: _blob, ...rest } = record
    const endpoint = this.#urlEndpoint()
    return {
      ...rest,
      url: `${endpoint}${record.filePath}`,
      thumbnailUrl: record.fileType === 'image' ? `${endpoint}/tr:n-ik_ml_thumbnail${record.filePath}` : null,
      diskPath: this.diskPath(record),
    }
  }

  /** Wait for pending journal writes and a running compaction, then close the journal (stop()). */
  async close(): Promise<void> {
    await this.#compacting
    await this.#journal.close()
  }

  /** Temp files currently on disk (for tests of the "nothing half-written" rule). */
  tempFiles(): string[] {
    return readdirSync(this.#tmpDir)
  }

  get dataDir(): string {
    return this.#dataDir
  }

  /**
   * Apply a change in memory and append it to the journal in the same tick (so memory is always
   * "every line appended so far", which compaction relies on), then delete the bytes it orphaned
   * once the line is on disk. A failed append (disk full) rejects and the request answers 500; the
   * change stays in memory (a later snapshot may keep it: its bytes are complete, as for a file
   * stored just before a crash and never answered).
   */
  async #change(entry: JournalEntry): Promise<void> {
    const displaced = applyEntry(this.#records, entry)
    this.#reindex(entry, displaced)
    const added = entry.op === 'put' ? entry.record.size : 0
    this.#bytes += added - displaced.reduce((sum, record) => sum + record.size, 0)
    const written = this.#journal.append(entry)
    this.#maybeCompact()
    await written
    await Promise.all(displaced.map((record) => rm(this.diskPath(record), { force: true })))
  }

  /** Keep #ids in step with #records: drop the ids of displaced records no longer stored, add a put's. */
  #reindex(entry: JournalEntry, displaced: FileRecord[]): void {
    for (const record of displaced) {
      const gone = this.#records.get(record.filePath)?.fileId !== record.fileId
      if (gone && this.#ids.get(record.fileId) === record.filePath) this.#ids.delete(record.fileId)
    }
    if (entry.op === 'put') this.#ids.set(entry.record.fileId, entry.record.filePath)
  }

  #maybeCompact(): void {
    const { minLines, ratio } = this.#compaction
    const lines = this.#journal.lines
    if (this.#compacting || lines <= minLines || lines <= ratio * this.#records.size) return
    const records = [...this.#records.values()]
    const covered = this.#journal.rotate()
    this.#compacting = this.#compact(covered, records).finally(() => {
      this.#compacting = undefined
    })
  }

  async #compact(covered: Promise<number>, records: FileRecord[]): Promise<void> {
    try {
      const generation = await covered
      await writeSnapshot(this.#indexFile, generation, records)
      await this.#journal.dropThrough(generation)
    } catch {
      // The journals stay and are replayed at the next start; a later compaction tries again.
    }
  }
}
