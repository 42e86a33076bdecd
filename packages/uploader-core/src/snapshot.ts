import type { Aggregates } from './aggregates.js'
import type { FileState, UploaderSnapshot, UploadTotals } from './types.js'

/** Builds the immutable snapshot from the kept sums (O(1) apart from the list, which the store keeps). */
export function buildSnapshot(
  files: readonly FileState[],
  sums: Aggregates,
  flags: { online: boolean; restored: number },
  speed: number,
): UploaderSnapshot {
  const counts = sums.counts()
  const { bytesUploaded, bytesTotal } = sums
  const isUploading = counts.active > 0
  const left = bytesTotal - bytesUploaded
  const totals: UploadTotals = {
    bytesUploaded,
    bytesTotal,
    percent: bytesTotal > 0 ? Math.floor((bytesUploaded / bytesTotal) * 100) : 0,
    speed: isUploading ? Math.round(speed) : 0,
    eta: isUploading && speed > 0 ? Math.ceil(left / speed) : null,
  }
  return { files, totals, counts, ...flags, isUploading }
}
