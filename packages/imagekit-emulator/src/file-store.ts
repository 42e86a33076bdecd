import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { readJsonSync, writeFileAtomic } from './atomic-write.js'
import { randomKey } from './ids.js'
import type { StoredFile } from './types.js'

/** What the index keeps per file; url, thumbnailUrl and diskPath are derived when read. */
export type FileRecord = Omit<StoredFile, 'url' | 'thumbnailUrl' | 'diskPath'> & { blob: string }

/**
 * Stored files. Bytes live in `dataDir/files/<blob id>` (never under a user-chosen path, so no
 * request can write outside dataDir); uploads stream into `dataDir/tmp/` and are renamed into place
 * when complete; the metadata index is `dataDir/index.json`, rewritten atomically after each change.
 */
export class FileStore {
  #dataDir: string
  #filesDir: string
  #tmpDir: string
  #indexFile: string
  #records = new Map<string, FileRecord>()
  #urlEndpoint: () => string
  #saving: Promise<void> = Promise.resolve()
  #bytes = 0

  constructor(dataDir: string, urlEndpoint: () => string) {
    this.#dataDir = dataDir
    this.#filesDir = join(dataDir, 'files')
    this.#tmpDir = join(dataDir, 'tmp')
    this.#indexFile = join(dataDir, 'index.json')
    this.#urlEndpoint = urlEndpoint
    mkdirSync(this.#filesDir, { recursive: true })
    // Leftovers of a crash mid-upload are never listed: drop them.
    rmSync(this.#tmpDir, { recursive: true, force: true })
    mkdirSync(this.#tmpDir, { recursive: true })
    const saved = readJsonSync(this.#indexFile)
    if (Array.isArray(saved)) for (const record of saved as FileRecord[]) this.#put(record)
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

  diskPath(record: FileRecord): string {
    return join(this.#filesDir, record.blob)
  }

  /** Move a finished temp file into the store and index it (replacing a file at the same path). */
  async commit(tempPath: string, record: Omit<FileRecord, 'blob'>): Promise<StoredFile> {
    const blob = `${record.versionInfo.id}-${randomKey('public').slice(7, 15)}`
    await rename(tempPath, join(this.#filesDir, blob))
    const stored: FileRecord = { ...record, blob }
    const previous = this.#put(stored)
    await this.#save()
    if (previous) await rm(this.diskPath(previous), { force: true })
    return this.view(stored)
  }

  list(): StoredFile[] {
    return [...this.#records.values()].map((record) => this.view(record))
  }

  async clear(): Promise<void> {
    const blobs = [...this.#records.values()].map((record) => this.diskPath(record))
    this.#records.clear()
    this.#bytes = 0
    await this.#save()
    await Promise.all(blobs.map((path) => rm(path, { force: true })))
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

  /** Wait for pending index writes (used by stop()). */
  flush(): Promise<void> {
    return this.#saving
  }

  /** Temp files currently on disk (for tests of the "nothing half-written" rule). */
  tempFiles(): string[] {
    return readdirSync(this.#tmpDir)
  }

  get dataDir(): string {
    return this.#dataDir
  }

  /** Index a record (replacing the one at its path); returns the replaced record. */
  #put(record: FileRecord): FileRecord | undefined {
    const previous = this.#records.get(record.filePath)
    this.#records.set(record.filePath, record)
    this.#bytes += record.size - (previous?.size ?? 0)
    return previous
  }

  #save(): Promise<void> {
    const data = `${JSON.stringify([...this.#records.values()], null, 2)}\n`
    this.#saving = this.#saving.catch(() => undefined).then(() => writeFileAtomic(this.#indexFile, data))
    return this.#saving
  }
}
