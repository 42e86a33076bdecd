import type { FileError, FileState, UploadResult } from './types.js'

/** The engine's whole state; the snapshot is derived from it. */
export interface EngineState {
  readonly order: readonly string[]
  readonly files: Readonly<Record<string, FileState>>
  readonly online: boolean
}

export type Action =
  | { type: 'added'; files: readonly FileState[] }
  | { type: 'removed'; id: string }
  | { type: 'requeued'; ids: readonly string[] }
  | { type: 'attempt-started'; id: string; attempt: number }
  | { type: 'uploading'; id: string }
  | { type: 'progress'; id: string; bytes: number }
  | { type: 'retry-scheduled'; id: string; at: number | null; error: FileError; waitingForNetwork: boolean }
  | { type: 'succeeded'; id: string; result: UploadResult }
  | { type: 'failed'; id: string; error: FileError }
  | { type: 'cancelled'; ids: readonly string[] }
  | { type: 'online'; online: boolean }

export const initialState: EngineState = { order: [], files: {}, online: true }

/** Percent for a running file: never 100 before ImageKit answered. */
function runningPercent(bytes: number, size: number): number {
  if (size <= 0) return 0
  return Math.min(99, Math.floor((bytes / size) * 100))
}

/** Applies `change` to each file; the files map is copied once, so a change to 2,000 files is O(n). */
function patch(
  state: EngineState,
  ids: string | readonly string[],
  change: (file: FileState) => FileState | null,
): EngineState {
  let files: Record<string, FileState> | undefined
  for (const id of typeof ids === 'string' ? [ids] : ids) {
    const file = state.files[id]
    const next = file && change(file)
    if (next && next !== file) {
      files ??= { ...state.files }
      files[id] = next
    }
  }
  return files ? { ...state, files } : state
}

const fresh = { bytesUploaded: 0, percent: 0, nextRetryAt: null, waitingForNetwork: false } as const

/** The progress fields of a file waiting for its first attempt. */
export const queued = { ...fresh, status: 'queued', attempt: 0 } as const

function withoutOutcome(file: FileState): FileState {
  const { error: _error, result: _result, ...rest } = file
  return rest
}

/** Pure: the only place state changes. Unknown ids and no-op changes return the same state. */
export function reduce(state: EngineState, action: Action): EngineState {
  switch (action.type) {
    case 'added': {
      const files = { ...state.files }
      for (const file of action.files) files[file.id] = file
      return { ...state, files, order: [...state.order, ...action.files.map((file) => file.id)] }
    }
    case 'removed': {
      if (!state.files[action.id]) return state
      const { [action.id]: _gone, ...files } = state.files
      return { ...state, files, order: state.order.filter((id) => id !== action.id) }
    }
    case 'requeued':
      return patch(state, action.ids, (f) =>
        f.status === 'error' || f.status === 'cancelled' ? { ...withoutOutcome(f), ...queued } : null,
      )
    case 'attempt-started':
      return patch(state, action.id, (f) => ({
        ...withoutOutcome(f),
        ...fresh,
        status: 'signing',
        attempt: action.attempt,
      }))
    case 'uploading':
      return patch(state, action.id, (f) => (f.status === 'signing' ? { ...f, status: 'uploading' } : null))
    case 'progress':
      return patch(state, action.id, (f) => {
        const bytes = Math.min(f.size, action.bytes)
        if (f.status !== 'uploading' || bytes <= f.bytesUploaded) return null
        return { ...f, bytesUploaded: bytes, percent: runningPercent(bytes, f.size) }
      })
    case 'retry-scheduled':
      return patch(state, action.id, (f) => ({
        ...f,
        status: 'retrying',
        nextRetryAt: action.at,
        error: action.error,
        waitingForNetwork: action.waitingForNetwork,
      }))
    case 'succeeded':
      return patch(state, action.id, (f) => ({
        ...f,
        ...fresh,
        status: 'success',
        bytesUploaded: f.size,
        percent: 100,
        result: action.result,
      }))
    case 'failed':
      return patch(state, action.id, (f) => ({
        ...f,
        status: 'error',
        nextRetryAt: null,
        waitingForNetwork: false,
        error: action.error,
      }))
    case 'cancelled':
      return patch(state, action.ids, (f) =>
        f.status === 'success' || f.status === 'error'
          ? null
          : { ...withoutOutcome(f), ...fresh, status: 'cancelled' },
      )
    case 'online':
      return state.online === action.online ? state : { ...state, online: action.online }
  }
}
