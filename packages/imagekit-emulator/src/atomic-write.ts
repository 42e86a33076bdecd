import { randomBytes } from 'node:crypto'
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { syncDir } from './fsync.js'

/**
 * Write a file under a temporary name, flush it and rename it into place, so readers (and a restart
 * after a crash) see the old file or the new one, never half a file. `data` may come in chunks: each
 * is awaited, so writing a large file lets other work run in between.
 */
export async function writeFileAtomic(path: string, data: string | Iterable<string>): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`
  try {
    const handle = await open(temp, 'w')
    try {
      for (const chunk of typeof data === 'string' ? [data] : data) await handle.writeFile(chunk)
      await handle.datasync()
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  await syncDir(dirname(path))
}

/** The temp files writeFileAtomic leaves behind when the process dies before its rename. */
export const isAtomicTemp = (name: string, base: string): boolean =>
  name.startsWith(`${base}.`) && name.endsWith('.tmp')

export function writeFileAtomicSync(path: string, data: string): void {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`
  writeFileSync(temp, data)
  renameSync(temp, path)
}

/** Parse a JSON file; undefined when it is missing or unreadable. */
export function readJsonSync(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return undefined
  }
}
