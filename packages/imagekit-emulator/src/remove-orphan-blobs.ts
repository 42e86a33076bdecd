import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { FileRecord } from './file-store.js'

/**
 * Delete the blobs in `filesDir` that no record references: bytes renamed into place whose journal
 * line was never written, or replaced bytes whose deletion a crash interrupted. Run at start only,
 * before any upload can be between its rename and its journal line.
 */
export function removeOrphanBlobs(filesDir: string, records: Iterable<FileRecord>): void {
  const referenced = new Set<string>()
  for (const record of records) referenced.add(record.blob)
  for (const name of readdirSync(filesDir)) {
    if (!referenced.has(name)) rmSync(join(filesDir, name), { recursive: true, force: true })
  }
}
