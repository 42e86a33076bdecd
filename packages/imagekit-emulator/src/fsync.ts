import { open } from 'node:fs/promises'

/** Flush a file's bytes to the disk (fdatasync), so a crash of the machine cannot leave them half there. */
export async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r')
  try {
    await handle.datasync()
  } finally {
    await handle.close()
  }
}

/** Flush a directory, so names created or renamed in it survive a crash of the machine. */
export async function syncDir(path: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined
  try {
    handle = await open(path, 'r')
    await handle.sync()
  } catch {
    // Some platforms (Windows) cannot open or fsync a directory; the rename is still atomic there.
  } finally {
    await handle?.close()
  }
}
