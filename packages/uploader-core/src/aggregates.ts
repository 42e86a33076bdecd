import type { FileState, FileStatus, UploadCounts } from './types.js'

const ACTIVE: ReadonlySet<FileStatus> = new Set(['queued', 'preparing', 'signing', 'uploading', 'retrying'])
const LEFT_OUT: ReadonlySet<FileStatus> = new Set(['error', 'cancelled'])

/** Counts and byte sums over all files, kept up to date per change (O(1)) instead of recounted. */
export class Aggregates {
  #counts: Record<FileStatus, number> = {
    queued: 0,
    preparing: 0,
    signing: 0,
    uploading: 0,
    retrying: 0,
    success: 0,
    processing: 0,
    error: 0,
    cancelled: 0,
  }
  #total = 0
  #active = 0
  /** Over the files still taking part (errored and cancelled ones are left out). */
  bytesUploaded = 0
  bytesTotal = 0
  /** Bytes sent in the current attempts of every file (for the speed meter). */
  sent = 0
  /** Sizes of every file in the list, whatever its status (Uppy's `maxTotalFileSize` counts them all). */
  allBytes = 0

  /** Takes `file` out of the sums (`sign` -1) or puts it in (+1). */
  apply(file: FileState, sign: 1 | -1): void {
    this.#counts[file.status] += sign
    this.#total += sign
    if (ACTIVE.has(file.status)) this.#active += sign
    this.sent += sign * file.bytesUploaded
    this.allBytes += sign * file.size
    if (LEFT_OUT.has(file.status)) return
    this.bytesUploaded += sign * file.bytesUploaded
    this.bytesTotal += sign * file.size
  }

  get total(): number {
    return this.#total
  }

  /** queued + preparing + signing + uploading + retrying. */
  get active(): number {
    return this.#active
  }

  counts(): UploadCounts {
    return { ...this.#counts, total: this.#total, active: this.#active }
  }
}
