import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const BLOB = Buffer.alloc(1024, 0x61)

/** One stored-file record in the emulator's index format (a FileRecord: StoredFile minus URLs, plus blob). */
function record(index: number, createdAt: string) {
  const id = `${Math.floor(Date.now() / 1000).toString(16)}${randomBytes(8).toString('hex')}`
  const name = `seed-${String(index).padStart(5, '0')}.bin`
  return {
    fileId: id,
    name,
    filePath: `/seed/${name}`,
    size: BLOB.length,
    mime: 'application/octet-stream',
    fileType: 'non-image',
    width: null,
    height: null,
    tags: ['seed', 'bench'],
    customCoordinates: null,
    customMetadata: { batch: 'emulator-latency', index },
    isPrivateFile: false,
    isPublished: true,
    description: null,
    versionInfo: { id, name: 'Version 1' },
    version: 1,
    createdAt,
    updatedAt: createdAt,
    blob: `${id}-seed${String(index).padStart(4, '0')}`,
  }
}

/**
 * Pre-populate a data dir with `count` stored files, fast: 1 KB blobs in `files/` and an `index.json`
 * snapshot in the format every emulator version reads (a JSON array of records), so the same seed
 * works for the old code and the new.
 */
export function seedDataDir(dataDir: string, count: number): void {
  const filesDir = join(dataDir, 'files')
  mkdirSync(filesDir, { recursive: true })
  const createdAt = new Date().toISOString()
  const records = Array.from({ length: count }, (_, index) => record(index, createdAt))
  for (const stored of records) writeFileSync(join(filesDir, stored.blob), BLOB)
  writeFileSync(join(dataDir, 'index.json'), `${JSON.stringify(records, null, 2)}\n`)
}
