import type {
  FileState,
  FileStatus,
  UploaderSnapshot,
  UploadTotals,
} from '../../packages/uploader-core/src/index.js'
import { emptySnapshot } from '../../packages/uploader-core/src/view/index.js'

/** A file's state as the engine reports it: `<id>.png`, 2048 bytes, nothing sent yet. */
export function fakeFile(id: string, status: FileStatus, extra: Partial<FileState> = {}): FileState {
  return {
    id,
    name: `${id}.png`,
    size: 2048,
    type: 'image/png',
    data: new Blob(['png'], { type: 'image/png' }),
    status,
    bytesUploaded: 0,
    percent: 0,
    attempt: 0,
    nextRetryAt: null,
    waitingForNetwork: false,
    ...extra,
  }
}

/** Bytes sent: as given, else `percent` of the total, else the files' own. */
function bytesUploaded(
  files: readonly FileState[],
  bytesTotal: number,
  totals: Partial<UploadTotals>,
): number {
  if (totals.bytesUploaded !== undefined) return totals.bytesUploaded
  if (totals.percent !== undefined) return (bytesTotal * totals.percent) / 100
  return files.reduce((sum, file) => sum + file.bytesUploaded, 0)
}

/**
 * A snapshot of these files: counts derived from their statuses, totals from their sizes (`totals`
 * overrides; a `percent` alone also sets the bytes sent), then `extra` on top.
 */
export function fakeSnapshot(
  files: readonly FileState[],
  totals: Partial<UploadTotals> = {},
  extra: Partial<UploaderSnapshot> = {},
): UploaderSnapshot {
  const counts: Record<string, number> = { ...emptySnapshot.counts, total: files.length }
  for (const file of files) counts[file.status] = (counts[file.status] ?? 0) + 1
  counts.active =
    (counts.queued ?? 0) + (counts.signing ?? 0) + (counts.uploading ?? 0) + (counts.retrying ?? 0)
  const bytesTotal = files.reduce((sum, file) => sum + file.size, 0)
  const sent = bytesUploaded(files, bytesTotal, totals)
  return {
    files,
    totals: {
      bytesUploaded: sent,
      bytesTotal,
      percent: bytesTotal ? (sent / bytesTotal) * 100 : 0,
      speed: 0,
      eta: null,
      ...totals,
    },
    counts: counts as unknown as UploaderSnapshot['counts'],
    online: true,
    restored: 0,
    isUploading: (counts.active ?? 0) > 0,
    ...extra,
  }
}
