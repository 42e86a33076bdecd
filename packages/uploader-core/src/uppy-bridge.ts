import { Uppy, type Restrictions as UppyRestrictions } from '@uppy/core'
import { uppyRestrictionStrings } from './restrictions.js'
import type { Restrictions } from './types.js'

let instances = 0

export interface UppyBridge {
  uppy: Uppy
  /** Adds one file through Uppy's restrictions; throws Uppy's RestrictionError. Returns Uppy's id. */
  add(data: File | Blob, name: string): { id: string; name: string; size: number; type: string }
  /** Hands every file Uppy has not started yet to our uploader (Uppy's `upload()` → `addUploader`). */
  upload(): Promise<void>
  /** Runs our uploader again for exactly this file (Uppy's `retryUpload`). */
  retry(id: string): Promise<void>
  remove(id: string): void
  destroy(): void
}

/**
 * Uppy core holds the file list, ids, duplicate check and restrictions, and drives our uploader
 * (Pattern C: no @uppy/xhr-upload; the transfer is ours). See README "Design notes".
 */
export function createUppyBridge(
  restrictions: Restrictions,
  uploadFiles: (ids: readonly string[]) => Promise<void>,
): UppyBridge {
  const uppy = new Uppy({
    id: `upkit-${++instances}`,
    autoProceed: false,
    // Uppy reads only its own keys (sizes, counts, allowedFileTypes); `validate` is run by us (async)
    restrictions: restrictions as UppyRestrictions,
    locale: { strings: uppyRestrictionStrings, pluralize: (n: number) => (n === 1 ? 0 : 1) },
  })
  uppy.addUploader(async (ids) => {
    // marks the files as started, so a later upload() does not hand them over again
    uppy.emit('upload-start', uppy.getFilesByIds(ids))
    await uploadFiles(ids)
  })
  const settle = (run: () => Promise<unknown>) => run().then(() => undefined)
  return {
    uppy,
    add(data, name) {
      const id = uppy.addFile({ name, type: data.type, data, source: 'upkit' })
      const file = uppy.getFile(id)
      return { id, name: file.name ?? name, size: file.size ?? data.size, type: file.type ?? '' }
    },
    upload: () => settle(() => uppy.upload()),
    retry: (id) => settle(() => uppy.retryUpload(id)),
    remove: (id) => {
      if (uppy.getFile(id)) uppy.removeFile(id)
    },
    destroy: () => uppy.destroy(),
  }
}
