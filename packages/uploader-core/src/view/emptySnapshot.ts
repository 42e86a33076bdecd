import type { UploaderSnapshot } from '../types.js'

/** The snapshot of an uploader with no files: used before an engine exists (first render, SSR). */
export const emptySnapshot: UploaderSnapshot = Object.freeze({
  files: Object.freeze([]),
  totals: Object.freeze({ bytesUploaded: 0, bytesTotal: 0, percent: 0, speed: 0, eta: null }),
  counts: Object.freeze({
    queued: 0,
    preparing: 0,
    signing: 0,
    uploading: 0,
    retrying: 0,
    success: 0,
    processing: 0,
    error: 0,
    cancelled: 0,
    total: 0,
    active: 0,
  }),
  online: true,
  restored: 0,
  isUploading: false,
})
