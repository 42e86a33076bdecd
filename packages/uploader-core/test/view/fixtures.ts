import type { FileState, FileStatus, UploaderSnapshot } from '../../src/types.js'
import { emptySnapshot } from '../../src/view/index.js'

export function file(id: string, status: FileStatus, extra: Partial<FileState> = {}): FileState {
  return {
    id,
    name: `${id}.jpg`,
    size: 1000,
    type: 'image/jpeg',
    data: new Blob(['x']),
    status,
    bytesUploaded: 0,
    percent: 0,
    attempt: 0,
    nextRetryAt: null,
    waitingForNetwork: false,
    ...extra,
  }
}

export function snapshot(
  files: FileState[],
  percent = 0,
  extra: Partial<UploaderSnapshot> = {},
): UploaderSnapshot {
  const counts = { ...emptySnapshot.counts, total: files.length }
  const mutable = counts as Record<string, number>
  for (const f of files) mutable[f.status] = (mutable[f.status] ?? 0) + 1
  mutable.active = counts.queued + counts.signing + counts.uploading + counts.retrying
  const bytesTotal = files.reduce((sum, f) => sum + f.size, 0)
  return {
    files,
    totals: { bytesUploaded: (bytesTotal * percent) / 100, bytesTotal, percent, speed: 0, eta: null },
    counts,
    online: true,
    isUploading: counts.active > 0,
    ...extra,
  }
}
