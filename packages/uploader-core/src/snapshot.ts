import type { EngineState } from './reducer.js'
import type { FileState, UploadCounts, UploaderSnapshot, UploadTotals } from './types.js'

export function countFiles(files: readonly FileState[]): UploadCounts {
  const counts = { queued: 0, signing: 0, uploading: 0, retrying: 0, success: 0, error: 0, cancelled: 0 }
  for (const file of files) counts[file.status]++
  const active = counts.queued + counts.signing + counts.uploading + counts.retrying
  return { ...counts, total: files.length, active }
}

/** Totals weighted by bytes over the files still taking part (errored and cancelled ones are left out). */
export function sumBytes(files: readonly FileState[]): { bytesUploaded: number; bytesTotal: number } {
  let bytesUploaded = 0
  let bytesTotal = 0
  for (const file of files) {
    if (file.status === 'error' || file.status === 'cancelled') continue
    bytesUploaded += file.bytesUploaded
    bytesTotal += file.size
  }
  return { bytesUploaded, bytesTotal }
}

/** Builds the immutable snapshot; `speed` comes from the caller's meter. */
export function buildSnapshot(state: EngineState, speed: number): UploaderSnapshot {
  const files = state.order.map((id) => state.files[id]).filter((file): file is FileState => !!file)
  const counts = countFiles(files)
  const { bytesUploaded, bytesTotal } = sumBytes(files)
  const isUploading = counts.active > 0
  const left = bytesTotal - bytesUploaded
  const totals: UploadTotals = {
    bytesUploaded,
    bytesTotal,
    percent: bytesTotal > 0 ? Math.floor((bytesUploaded / bytesTotal) * 100) : 0,
    speed: isUploading ? Math.round(speed) : 0,
    eta: isUploading && speed > 0 ? Math.ceil(left / speed) : null,
  }
  return { files, totals, counts, online: state.online, isUploading }
}
