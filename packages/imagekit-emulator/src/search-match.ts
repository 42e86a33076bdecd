import { badRequest } from './api-error.js'
import { fileFormat } from './file-details.js'
import { messages } from './messages.js'
import type { SearchNode, SearchOperator, SearchValue } from './search-query.js'
import type { StoredFile } from './types.js'

type Scalar = string | number | boolean

const DAY = 86_400_000
const AGO: Record<string, number> = { h: 3_600_000, d: DAY, w: 7 * DAY, m: 30 * DAY, y: 365 * DAY }
const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }
const unsupported = () => badRequest(messages.invalidSearchQuery)

/** GB-docs: createdAt/updatedAt take ISO 8601 or a relative unit ("7d" = seven days ago; m = months). */
function toTime(value: SearchValue, now: number): number {
  const relative = typeof value === 'string' ? /^(\d+)([hdwmy])$/.exec(value) : null
  if (relative) return now - Number(relative[1]) * (AGO[relative[2] as string] as number)
  const time = typeof value === 'string' ? Date.parse(/T/.test(value) ? `${value}Z` : value) : Number.NaN
  if (Number.isNaN(time)) throw unsupported()
  return time
}

/** GB-docs: size takes bytes or a string such as "1mb" / "10kb". */
function toBytes(value: SearchValue): number {
  if (typeof value === 'number') return value
  const match = typeof value === 'string' ? /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)$/i.exec(value) : null
  if (!match) throw unsupported()
  return Number(match[1]) * (SIZE_UNITS[(match[2] as string).toLowerCase()] as number)
}

/** One scalar comparison; `:` is "begins with" (GB-docs name and Text fields). */
function compare(actual: Scalar | null | undefined, op: SearchOperator, wanted: Scalar): boolean {
  if (actual === null || actual === undefined) return false
  switch (op) {
    case '=':
      return actual === wanted
    case ':':
      return typeof actual === 'string' && typeof wanted === 'string' && actual.startsWith(wanted)
    case '<':
      return actual < wanted
    case '<=':
      return actual <= wanted
    case '>':
      return actual > wanted
    case '>=':
      return actual >= wanted
    default:
      throw unsupported()
  }
}

/** Apply an operator to a field value (a list field matches when any of its items does). */
function test(actual: Scalar | Scalar[] | null | undefined, op: SearchOperator, value: SearchValue): boolean {
  const items = Array.isArray(actual) ? actual : [actual]
  if (op === 'IN' || op === 'NOT IN') {
    if (!Array.isArray(value)) throw unsupported()
    const found = items.some((item) => value.some((wanted) => compare(item, '=', wanted as Scalar)))
    return op === 'IN' ? found : !found
  }
  if (Array.isArray(value)) throw unsupported()
  if (op === 'NOT =' || op === 'NOT :')
    return !items.some((item) => compare(item, op === 'NOT =' ? '=' : ':', value))
  return items.some((item) => compare(item, op, value))
}

const map = (value: SearchValue, convert: (item: SearchValue) => Scalar): SearchValue =>
  Array.isArray(value) ? value.map(convert) : convert(value)

type Reader = (file: StoredFile) => Scalar | Scalar[] | null

const folderOf = (file: StoredFile) => file.filePath.slice(0, file.filePath.lastIndexOf('/') + 1)
const asFolder = (value: SearchValue) => `/${String(value).replace(/^\/+|\/+$/g, '')}/`.replace('//', '/')

const READERS: Record<string, Reader> = {
  name: (file) => file.name,
  format: (file) => fileFormat(file),
  tags: (file) => file.tags ?? [],
  type: () => 'file',
  createdAt: (file) => Date.parse(file.createdAt),
  updatedAt: (file) => Date.parse(file.updatedAt),
  height: (file) => file.height,
  width: (file) => file.width,
  size: (file) => file.size,
  private: (file) => file.isPrivateFile,
  published: (file) => file.isPublished,
  path: folderOf,
}

function customMetadata(name: string): Reader {
  return (file) => {
    const value = Object.hasOwn(file.customMetadata, name) ? file.customMetadata[name] : undefined
    const isScalar = (item: unknown): item is Scalar => ['string', 'number', 'boolean'].includes(typeof item)
    return (Array.isArray(value) ? value : [value]).filter(isScalar)
  }
}

/** The query value in the field's terms (times to epoch ms, sizes to bytes, paths to `/a/b/`). */
function convert(field: string, value: SearchValue, now: number): SearchValue {
  if (field === 'createdAt' || field === 'updatedAt') return map(value, (item) => toTime(item, now))
  if (field === 'size') return map(value, toBytes)
  if (field === 'path') return map(value, asFolder)
  return value
}

/**
 * Compile a parsed searchQuery into a file predicate (every refusal happens here, files or not).
 * Fields: name, tags, type, createdAt, updatedAt, height, width, size, format, private, published
 * (GB-docs "Supported parameters"), path (the file's folder; `:` includes subfolders, after the
 * SDK's AssetListParams note) and "customMetadata.<field>". Embedded metadata and `transparency`
 * are not emulated (400).
 */
export function compileSearch(node: SearchNode, now: number): (file: StoredFile) => boolean {
  if (node.kind !== 'cmp') {
    const left = compileSearch(node.left, now)
    const right = compileSearch(node.right, now)
    return node.kind === 'and' ? (file) => left(file) && right(file) : (file) => left(file) || right(file)
  }
  const custom = node.field.startsWith('customMetadata.')
  const known = Object.hasOwn(READERS, node.field) ? READERS[node.field] : undefined
  const read = custom ? customMetadata(node.field.slice('customMetadata.'.length)) : known
  if (!read) throw unsupported()
  const value = convert(node.field, node.value, now)
  const { op } = node
  return (file) => test(read(file), op, value)
}
