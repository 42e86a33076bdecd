import { Aggregates } from '../aggregates.js'
import type { UploaderSnapshot } from '../types.js'

/** The snapshot of an uploader with no files: used before an engine exists (first render, SSR). */
export const emptySnapshot: UploaderSnapshot = Object.freeze({
  files: Object.freeze([]),
  totals: Object.freeze({ bytesUploaded: 0, bytesTotal: 0, percent: 0, speed: 0, eta: null }),
  counts: Object.freeze(new Aggregates().counts()),
  online: true,
  restored: 0,
  isUploading: false,
})
