'use client'
export { shallowEqual } from './shallowEqual.js'
export type { EngineProps, UploaderCallbacks, UploaderProps, WidgetProps } from './types.js'
export { Uploader } from './Uploader.js'
export {
  type DropzoneInputProps,
  type DropzoneRootProps,
  type DropzoneState,
  type UseDropzoneOptions,
  useDropzone,
} from './useDropzone.js'
export {
  type UploaderCommands,
  type UseUploaderOptions,
  type UseUploaderResult,
  useUploader,
} from './useUploader.js'
export { type Equality, type Selector, useUploaderState } from './useUploaderState.js'
