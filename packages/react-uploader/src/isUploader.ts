'use client'
import type { Uploader, UploaderOptions } from '@upkit/uploader-core'

/** Tells an engine instance from an options object. */
export function isUploader(value: UploaderOptions | Uploader): value is Uploader {
  return (
    typeof (value as Partial<Uploader>).subscribe === 'function' &&
    typeof (value as Partial<Uploader>).getSnapshot === 'function'
  )
}
