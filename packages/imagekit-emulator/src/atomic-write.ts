import { randomBytes } from 'node:crypto'
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { rename, writeFile } from 'node:fs/promises'

/** Write a file under a temporary name and rename it into place, so readers never see half a file. */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`
  await writeFile(temp, data)
  await rename(temp, path)
}

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
