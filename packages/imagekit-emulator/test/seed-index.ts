import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FileRecord } from '../src/file-store.js'

/** A complete index record for `filePath` whose bytes are `dataDir/files/<blob>`. */
export function fileRecord(
  filePath: string,
  blob = `${randomBytes(12).toString('hex')}-seed0000`,
): FileRecord {
  const id = blob.slice(0, 24)
  const createdAt = new Date().toISOString()
  return {
    fileId: id,
    name: filePath.slice(filePath.lastIndexOf('/') + 1),
    filePath,
    size: 4,
    mime: 'application/octet-stream',
    fileType: 'non-image',
    width: null,
    height: null,
    tags: null,
    customCoordinates: null,
    customMetadata: {},
    isPrivateFile: false,
    isPublished: true,
    description: null,
    versionInfo: { id, name: 'Version 1' },
    version: 1,
    createdAt,
    updatedAt: createdAt,
    blob,
  }
}

/** Write a record's bytes (`seed`, 4 bytes) into `dataDir/files/`. */
export function writeBlob(dataDir: string, record: FileRecord): void {
  mkdirSync(join(dataDir, 'files'), { recursive: true })
  writeFileSync(join(dataDir, 'files', record.blob), 'seed')
}

/** A data dir as an emulator from before the journal left it: `count` files and an index.json array. */
export function seedLegacyIndex(dataDir: string, count: number): FileRecord[] {
  const records = Array.from({ length: count }, (_, index) => fileRecord(`/seed/file-${index}.bin`))
  for (const record of records) writeBlob(dataDir, record)
  writeFileSync(join(dataDir, 'index.json'), `${JSON.stringify(records, null, 2)}\n`)
  return records
}
