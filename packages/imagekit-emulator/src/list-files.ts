import { badRequest, invalidParam } from './api-error.js'
import { fileDetails } from './file-details.js'
import { messages } from './messages.js'
import { compileSearch } from './search-match.js'
import { parseSearchQuery } from './search-query.js'
import type { StoredFile } from './types.js'

type Filter = (file: StoredFile) => boolean
type SortKey = (file: StoredFile) => string | number

// OAS /v1/files `sort` (six fields, ASC_/DESC_); the SDK's AssetListParams adds the RELEVANCE pair.
const SORT_KEYS: Record<string, SortKey> = {
  NAME: (file) => file.name,
  CREATED: (file) => Date.parse(file.createdAt),
  UPDATED: (file) => Date.parse(file.updatedAt),
  HEIGHT: (file) => file.height ?? -1,
  WIDTH: (file) => file.width ?? -1,
  SIZE: (file) => file.size,
  RELEVANCE: () => 0, // no relevance without a text search: upload order
}
const TYPES = ['file', 'file-version', 'folder', 'all']
const FILE_TYPES = ['all', 'image', 'non-image']

/** OAS: skip ≥ 0 (default 0); 1 ≤ limit ≤ 1000 (default 1000); each with its documented message. */
function paging(query: URLSearchParams): { skip: number; limit: number } {
  const number = (name: string, fallback: number) => {
    const raw = query.get(name)
    if (raw === null) return fallback
    if (!/^-?\d+$/.test(raw.trim())) throw invalidParam(name) // GUESS: a non-number's wording
    return Number(raw)
  }
  const skip = number('skip', 0)
  const limit = number('limit', 1000)
  if (skip < 0) throw badRequest(messages.skipTooSmall(String(skip)))
  if (limit < 1) throw badRequest(messages.limitTooSmall(String(limit)))
  if (limit > 1000) throw badRequest(messages.limitTooLarge(String(limit)))
  return { skip, limit }
}

/** `path` limits the list to one folder, one level deep (GB-docs "List files within a specific folder"). */
function pathFilter(raw: string | null): Filter | undefined {
  if (raw === null) return undefined
  const folder = `/${raw.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/')
  return (file) => file.filePath.slice(0, file.filePath.lastIndexOf('/') + 1) === folder
}

/** `tags`, `type` and `name` have no effect next to a searchQuery (OAS `searchQuery` note). */
function queryFilters(query: URLSearchParams, now: number): Filter[] {
  const searchQuery = query.get('searchQuery')
  if (searchQuery !== null && searchQuery.trim() !== '') {
    return [compileSearch(parseSearchQuery(searchQuery), now)]
  }
  const filters: Filter[] = []
  // The emulator stores no folders and no old versions, so only `file` and `all` list anything.
  const type = query.get('type') ?? 'file'
  if (type === 'file-version' || type === 'folder') filters.push(() => false)
  const tags = query
    .get('tags')
    ?.split(',')
    .map((tag) => tag.trim())
    .filter(Boolean)
  if (tags?.length) filters.push((file) => (file.tags ?? []).some((tag) => tags.includes(tag)))
  const name = query.get('name')
  if (name !== null) filters.push((file) => file.name === name)
  return filters
}

function sorter(raw: string | null): (a: StoredFile, b: StoredFile) => number {
  const match = /^(ASC|DESC)_([A-Z]+)$/.exec(raw ?? 'ASC_CREATED')
  const field = match?.[2]
  if (!match || field === undefined || !Object.hasOwn(SORT_KEYS, field))
    throw badRequest(messages.invalidSort)
  const key = SORT_KEYS[field] as SortKey
  const sign = match[1] === 'DESC' ? -1 : 1
  return (a, b) => {
    const [x, y] = [key(a), key(b)]
    return x < y ? -sign : x > y ? sign : 0
  }
}

/** GET /v1/files: filter, sort (stable: equal keys keep upload order), skip and limit. */
export function listFiles(
  files: StoredFile[],
  query: URLSearchParams,
  now: number,
): Record<string, unknown>[] {
  if (!TYPES.includes(query.get('type') ?? 'file')) throw badRequest(messages.invalidType)
  const fileType = query.get('fileType') ?? 'all'
  if (!FILE_TYPES.includes(fileType)) throw badRequest(messages.invalidFileType)
  const { skip, limit } = paging(query)
  const compare = sorter(query.get('sort'))
  const filters = [...queryFilters(query, now), pathFilter(query.get('path'))].filter(
    (filter): filter is Filter => filter !== undefined,
  )
  if (fileType !== 'all') filters.push((file) => file.fileType === fileType)
  const found = files.filter((file) => filters.every((filter) => filter(file)))
  return found
    .sort(compare)
    .slice(skip, skip + limit)
    .map(fileDetails)
}
