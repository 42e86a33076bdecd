'use client'
import type {
  FileRejection,
  FileState,
  Messages,
  UploadError,
  Uploader,
  UploaderOptions,
  UploaderSnapshot,
  UploadResult,
  UploadTotals,
} from '@upkit/uploader-core'
import type { ViewMessages } from '@upkit/uploader-core/view'

/** Engine options as props (`locale`/`messages` are widened for the widget). */
export type EngineProps = Omit<UploaderOptions, 'locale' | 'messages'>

export interface UploaderCallbacks {
  /** A file reached ImageKit. */
  onSuccess?: (file: FileState, result: UploadResult) => void
  /** A file failed for good (after its retries). */
  onError?: (file: FileState, error: UploadError) => void
  /** A file was refused by the restrictions before anything was sent. */
  onRejected?: (rejection: FileRejection) => void
  /** Every file that was uploading is done (successful or not). */
  onComplete?: (result: { successful: readonly FileState[]; failed: readonly FileState[] }) => void
  /** Total progress changed (throttled by the engine). */
  onProgress?: (totals: UploadTotals, snapshot: UploaderSnapshot) => void
}

export interface WidgetProps extends UploaderCallbacks {
  /** Extra class on the root element. */
  className?: string
  /** Leave off the `upkit--styled` class: structure and class names only, bring your own CSS. @default false */
  unstyled?: boolean
  /** Force a theme; by default it follows `prefers-color-scheme`. */
  theme?: 'light' | 'dark'
  /** A locale table, e.g. `de` or `fr` from `@upkit/uploader-core`, or your own. @default en */
  locale?: Messages
  /** Single strings to override (engine messages and widget strings). */
  messages?: Partial<ViewMessages>
  /** BCP 47 tag for sizes, speeds and times (e.g. `'de'`). @default 'en' without `locale`, else the browser's */
  intlLocale?: string
  /** Keep uploading after the component unmounts (the engine stops once they finish). @default false */
  keepUploadsOnUnmount?: boolean
  /** Allow choosing several files. @default true */
  multiple?: boolean
  /** The input's `accept`. @default derived from `restrictions.allowedFileTypes` */
  accept?: string
  /** Open the camera on mobile (`true`, `'user'`, `'environment'`). */
  capture?: boolean | 'user' | 'environment'
  /** Add files pasted anywhere on the page, not only on the focused drop zone. @default false */
  pasteOnDocument?: boolean
  /** Show an Upload button while files are queued. @default true when `autoUpload` is false */
  uploadButton?: boolean
  /** Turn the drop zone off. @default false */
  disabled?: boolean
}

/** Props of `<Uploader>`: engine options, or an existing `uploader` instead of them. */
export type UploaderProps = WidgetProps &
  (
    | (EngineProps & { uploader?: undefined })
    | ({ uploader: Uploader } & Partial<Record<keyof EngineProps, never>>)
  )
