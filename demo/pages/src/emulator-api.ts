/** A thin client for the emulator's `/_emulator/*` HTTP API (CORS-enabled), used by the fault panel and gallery. */

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

export interface ListedFault extends FaultRule {
  id: string
}

export interface EmulatorStats {
  requests: number
  uploads: number
  tokensUsed: string[]
}

export interface StoredFile {
  fileId: string
  name: string
  filePath: string
  url: string
  size: number
  mime?: string
  fileType?: string
  tags?: string[] | null
  createdAt?: string
}

async function call<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, cache: 'no-store' }
  if (body !== undefined) {
    init.headers = { 'content-type': 'application/json' }
    init.body = JSON.stringify(body)
  }
  const response = await fetch(`${base}/_emulator${path}`, init)
  if (!response.ok) throw new Error(`${method} /_emulator${path} answered ${response.status}`)
  const text = await response.text()
  return (text ? JSON.parse(text) : null) as T
}

function asArray<T>(value: unknown, key: string): T[] {
  if (Array.isArray(value)) return value as T[]
  const inner = (value as Record<string, unknown> | null)?.[key]
  return Array.isArray(inner) ? (inner as T[]) : []
}

export function emulatorApi(base: string) {
  return {
    addFault: (rule: FaultRule) => call<unknown>(base, 'POST', '/faults', rule),
    listFaults: async () => asArray<ListedFault>(await call<unknown>(base, 'GET', '/faults'), 'faults'),
    clearFaults: () => call<unknown>(base, 'DELETE', '/faults'),
    listFiles: async () => asArray<StoredFile>(await call<unknown>(base, 'GET', '/files'), 'files'),
    clearFiles: () => call<unknown>(base, 'DELETE', '/files'),
    stats: () => call<EmulatorStats>(base, 'GET', '/stats'),
    resetStats: () => call<unknown>(base, 'POST', '/stats/reset'),
  }
}

export type EmulatorApi = ReturnType<typeof emulatorApi>
