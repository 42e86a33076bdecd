import type { FileRecord } from './file-store.js'

/** The details of a stored file that can change without a new upload (for a media API). */
const PATCHABLE = [
  'tags',
  'customCoordinates',
  'customMetadata',
  'description',
  'isPublished',
  'updatedAt',
] as const

export type FilePatch = Partial<Pick<FileRecord, (typeof PATCHABLE)[number]>>

/**
 * One change to the index, one line of the journal. `update` carries the new values of the fields
 * it sets (never a relative change such as "add a tag"), so applying it again gives the same record.
 */
export type JournalEntry =
  | { op: 'put'; record: FileRecord }
  | { op: 'delete'; filePath: string }
  | { op: 'update'; filePath: string; patch: FilePatch }
  | { op: 'clear' }

/** Only the fields a patch may set (a journal line is data from disk, not trusted to be well formed). */
function patched(record: FileRecord, patch: FilePatch): FileRecord {
  const allowed = Object.entries(patch).filter(([key]) => (PATCHABLE as readonly string[]).includes(key))
  return { ...record, ...Object.fromEntries(allowed) }
}

/**
 * Apply one change to the records (keyed by filePath). Returns the records it removed or replaced,
 * whose blobs are no longer referenced; an update keeps its blob, so it returns none.
 */
export function applyEntry(records: Map<string, FileRecord>, entry: JournalEntry): FileRecord[] {
  switch (entry.op) {
    case 'put': {
      const previous = records.get(entry.record.filePath)
      records.set(entry.record.filePath, entry.record)
      return previous ? [previous] : []
    }
    case 'delete': {
      const previous = records.get(entry.filePath)
      records.delete(entry.filePath)
      return previous ? [previous] : []
    }
    case 'update': {
      const previous = records.get(entry.filePath)
      if (previous) records.set(entry.filePath, patched(previous, entry.patch))
      return []
    }
    case 'clear': {
      const previous = [...records.values()]
      records.clear()
      return previous
    }
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

/** Whether a parsed line has the shape of an entry (the fields replay reads). */
function isEntry(value: unknown): value is JournalEntry {
  if (!isObject(value)) return false
  switch (value.op) {
    case 'put':
      return (
        isObject(value.record) &&
        typeof value.record.filePath === 'string' &&
        typeof value.record.blob === 'string'
      )
    case 'delete':
      return typeof value.filePath === 'string'
    case 'update':
      return typeof value.filePath === 'string' && isObject(value.patch)
    default:
      return value.op === 'clear'
  }
}

/** A journal line as an entry; undefined when it is not one (torn or corrupt). */
export function parseEntry(line: string): JournalEntry | undefined {
  try {
    const value: unknown = JSON.parse(line)
    return isEntry(value) ? value : undefined
  } catch {
    return undefined
  }
}
