/**
 * The pages' clients: the emulator's `/_emulator/*` control API (CORS-enabled) for what ImageKit has no
 * API for (faults, counters), and the demo server's `/api/demo/files` for the files, which it answers
 * with ImageKit's media API (list, delete) so the private key stays on the server.
 */

export type FaultAction =
  | { type: 'status'; status: number; message?: string }
  | { type: 'rate-limit'; resetMs: number; limit?: number; intervalMs?: number }
  | { type: 'cut'; afterBytes: number }
  | { type: 'stall'; ms?: number }
  | { type: 'latency'; ms: number }
  | { type: 'storage-full' }

export interface FaultRule {
  match?: { fileName?: string; path?: 'v1' | 'v2' | 'any' }
  times?: number
  action: FaultAction
}

/** The emulator's named presets (`POST /_emulator/faults { preset }`; its `FAULT_PRESETS`). */
export type FaultPresetName = 'accepted' | 'update-throttled'

/** A rule to add: an action, or one of the emulator's presets by name (it keeps ImageKit's exact words). */
export type NewFaultRule = FaultRule | (Omit<FaultRule, 'action'> & { preset: FaultPresetName })

export interface ListedFault extends FaultRule {
  id: string
}

export interface EmulatorStats {
  requests: number
  uploads: number
  tokensUsed: string[]
}

/** The fields the gallery reads of ImageKit's file object (GET /v1/files). */
export interface StoredFile {
  fileId: string
  name: string
  filePath: string
  url: string
  size: number
  thumbnail?: string
  /** Images only: their size in pixels. */
  width?: number
  height?: number
  mime?: string
  fileType?: string
  tags?: string[] | null
  createdAt?: string
}

async function call<T>(url: string, method: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, cache: 'no-store' }
  if (body !== undefined) {
    init.headers = { 'content-type': 'application/json' }
    init.body = JSON.stringify(body)
  }
  const response = await fetch(url, init)
  const text = await response.text()
  if (!response.ok) {
    const detail = errorMessage(text)
    throw new Error(`${method} ${url} answered ${response.status}${detail ? `: ${detail}` : ''}`)
  }
  return (text ? JSON.parse(text) : null) as T
}

/** ImageKit's `message` of an error answer (e.g. a read-only key refused a delete), if it has one. */
function errorMessage(text: string): string | undefined {
  try {
    const message: unknown = (JSON.parse(text) as { message?: unknown }).message
    return typeof message === 'string' ? message : undefined
  } catch {
    return undefined
  }
}

function asArray<T>(value: unknown, key: string): T[] {
  if (Array.isArray(value)) return value as T[]
  const inner = (value as Record<string, unknown> | null)?.[key]
  return Array.isArray(inner) ? (inner as T[]) : []
}

/** Faults and counters: the emulator's control routes. */
export function emulatorApi(base: string) {
  const control = (method: string, path: string, body?: unknown) =>
    call<unknown>(`${base}/_emulator${path}`, method, body)
  return {
    addFault: (rule: NewFaultRule) => control('POST', '/faults', rule),
    listFaults: async () => asArray<ListedFault>(await control('GET', '/faults'), 'faults'),
    clearFaults: () => control('DELETE', '/faults'),
    stats: () => call<EmulatorStats>(`${base}/_emulator/stats`, 'GET'),
    resetStats: () => control('POST', '/stats/reset'),
  }
}

export type EmulatorApi = ReturnType<typeof emulatorApi>

/** Files: the demo server's proxy to ImageKit's media API (newest first). */
export const filesApi = {
  list: async () => asArray<StoredFile>(await call<unknown>('/api/demo/files', 'GET'), 'files'),
  delete: (fileId: string) => call<unknown>(`/api/demo/files/${encodeURIComponent(fileId)}`, 'DELETE'),
  clear: () => call<{ deleted: number }>('/api/demo/files', 'DELETE'),
}
