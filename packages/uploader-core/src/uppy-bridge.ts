import { Uppy, type Restrictions as UppyRestrictions } from '@uppy/core'
import { uppyRestrictionStrings } from './restrictions.js'
import type { Restrictions } from './types.js'

let instances = 0

export interface AddItem {
  data: File | Blob
  name: string
}
export type AddOutcome =
  | { file: { id: string; name: string; size: number; type: string } }
  | { cause: unknown }
type UppyFileLike = { id: string; name?: string; size?: number | null; type?: string }

const describe = (file: UppyFileLike, item: AddItem): AddOutcome => ({
  file: {
    id: file.id,
    name: file.name ?? item.name,
    size: file.size ?? item.data.size,
    type: file.type ?? '',
  },
})

export interface UppyBridge {
  uppy: Uppy
  /** Adds files through Uppy's restrictions: per file, Uppy's id and name, or the RestrictionError. */
  addAll(items: readonly AddItem[]): AddOutcome[]
  /** Hands every file Uppy has not started yet to our uploader (Uppy's `upload()` → `addUploader`). */
  upload(): Promise<void>
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
  return {
    uppy,
    addAll(items) {
      const descriptor = (item: AddItem) => ({ ...item, type: item.data.type })
      const before = new Set(Object.keys(uppy.getState().files))
      try {
        // One Uppy batch: one by one, Uppy copies its whole file map per file (O(n²) for a dropped folder).
        uppy.addFiles(items.map(descriptor))
      } catch {
        // a non-restriction failure refuses the batch; the one-by-one path below reports it per file
      }
      const added = new Map(uppy.getFiles().flatMap((f) => (before.has(f.id) ? [] : [[f.data, f] as const])))
      // Files the batch left out (a per-file restriction, or a total limit that refuses Uppy's whole batch)
      // go one by one: the ones that still fit get in, the others get their own RestrictionError.
      return items.map((item) => {
        const file = added.get(item.data)
        added.delete(item.data) // the same Blob twice: the second is a duplicate
        if (file) return describe(file, item)
        try {
          return describe(uppy.getFile(uppy.addFile(descriptor(item))), item)
        } catch (cause) {
          return { cause }
        }
      })
    },
    upload: async () => {
      await uppy.upload()
    },
    remove: (id) => {
      if (uppy.getFile(id)) uppy.removeFile(id)
    },
    destroy: () => uppy.destroy(),
  }
}
