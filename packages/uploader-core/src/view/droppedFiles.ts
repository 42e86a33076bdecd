/**
 * The files of a drop, with dropped folders walked recursively (`webkitGetAsEntry`); falls back to
 * `dataTransfer.files` where entries are not available. Entries are taken synchronously, because a
 * `DataTransfer` is emptied once its event handler returns.
 */
export function collectDroppedFiles(data: DataTransfer | null): Promise<File[]> {
  if (!data) return Promise.resolve([])
  const entries = fileEntries(data)
  if (!entries) return Promise.resolve(Array.from(data.files ?? []))
  return Promise.all(entries.map(readEntry)).then((lists) => lists.flat())
}

/** The drop's top-level entries, or `null` when the browser has no entry API. */
function fileEntries(data: DataTransfer): FileSystemEntry[] | null {
  const items = Array.from(data.items ?? []).filter((item) => item.kind === 'file')
  if (items.length === 0 || typeof items[0]?.webkitGetAsEntry !== 'function') return null
  const entries: FileSystemEntry[] = []
  for (const item of items) {
    const entry = item.webkitGetAsEntry()
    if (!entry) return null
    entries.push(entry)
  }
  return entries
}

function readEntry(entry: FileSystemEntry): Promise<File[]> {
  if (entry.isFile) {
    return new Promise((resolve) =>
      (entry as FileSystemFileEntry).file(
        (file) => resolve([file]),
        () => resolve([]),
      ),
    )
  }
  if (entry.isDirectory) return readDirectory(entry as FileSystemDirectoryEntry)
  return Promise.resolve([])
}

/** Reads a whole folder: `readEntries` answers in batches (100 in Chrome) until it returns an empty one. */
async function readDirectory(directory: FileSystemDirectoryEntry): Promise<File[]> {
  const reader = directory.createReader()
  const files: File[] = []
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve) =>
      reader.readEntries(resolve, () => resolve([])),
    )
    if (batch.length === 0) return files
    for (const list of await Promise.all(batch.map(readEntry))) files.push(...list)
  }
}
