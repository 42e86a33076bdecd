import type {
  FileRejection,
  FileState,
  Messages,
  Uploader,
  UploaderOptions,
  UploaderSnapshot,
  UploadResult,
  UploadTotals,
} from '../types.js'
import { isUploadError, UploadError } from '../upload-error.js'
import {
  bool,
  type Check,
  ENGINE_NAMES,
  fn,
  is,
  record,
  shown,
  TOP,
  warnUnknown,
} from '../validate-options.js'
import type { ViewMessages } from './strings.js'

/** Notices from the engine, the same in `<Uploader>` (props) and `mount` (options). */
export interface WidgetCallbacks {
  /** A file reached ImageKit (`result.url` is its address). */
  onSuccess?: (file: FileState, result: UploadResult) => void
  /** A file failed for good (after its retries); `error.code` is stable, `error.message` readable. */
  onError?: (file: FileState, error: UploadError) => void
  /** A file was refused by the restrictions before anything was sent. */
  onRejected?: (rejection: FileRejection) => void
  /** Every file that was uploading is done (successful or not). */
  onComplete?: (result: { successful: readonly FileState[]; failed: readonly FileState[] }) => void
  /** Total progress changed (throttled by the engine). */
  onProgress?: (totals: UploadTotals, snapshot: UploaderSnapshot) => void
}

/** How a widget looks and behaves (everything that is not an engine option), shared by both views. */
export interface WidgetOptions extends WidgetCallbacks {
  /** Extra class(es) on the root element. */
  className?: string
  /** Leave off the `upkit--styled` class: structure and class names only, bring your own CSS. @default false */
  unstyled?: boolean
  /** Force a theme; by default it follows `prefers-color-scheme`. */
  theme?: 'light' | 'dark'
  /**
   * The widget's and the engine's messages: a locale table such as `de` or `fr` from
   * `@upkit/uploader-core` (`Upkit.locales.de` in the `<script>` build), or your own. @default en
   */
  locale?: Messages
  /** Single strings to override (engine messages and widget strings). */
  messages?: Partial<ViewMessages>
  /** BCP 47 tag for sizes, speeds and times (e.g. `'de'`). @default 'en' without `locale`, else the browser's */
  intlLocale?: string
  /** Let running uploads finish after the widget goes away (the engine stops once they finish). @default false */
  keepUploadsOnUnmount?: boolean
  /** Ask the browser to confirm leaving the page while files are uploading. @default true */
  warnBeforeUnload?: boolean
  /** Allow choosing several files. @default true */
  multiple?: boolean
  /** The file input's `accept`. @default derived from `restrictions.allowedFileTypes` */
  accept?: string
  /** Open the camera on mobile (`true`, `'user'` for the front one, `'environment'` for the back one). */
  capture?: boolean | 'user' | 'environment'
  /** Add files pasted anywhere on the page, not only on the focused drop zone. @default false */
  pasteOnDocument?: boolean
  /** Show an Upload button while files are queued. @default true when `autoUpload` is false */
  uploadButton?: boolean
  /** Turn the drop zone off. @default false */
  disabled?: boolean
  /** Show an "Add from a link" field: ImageKit downloads the file from the http(s) link (`addUrl`). @default false */
  allowUrls?: boolean
}

/** Engine options as a widget takes them (`locale`/`messages` are widened for the widget). */
export type WidgetEngineOptions = Omit<UploaderOptions, 'locale' | 'messages'>

/** A widget's engine: its options, or an existing `uploader` instead of them. */
export type WidgetEngineSource =
  | (WidgetEngineOptions & { uploader?: undefined })
  | ({ uploader: Uploader } & Partial<Record<keyof WidgetEngineOptions, never>>)

type WidgetKey = keyof WidgetOptions | 'uploader'

const str = is('string', 'a string')
const intlTag: Check = (v) => {
  try {
    return typeof v === 'string' && Intl.getCanonicalLocales(v).length === 1
      ? null
      : 'a BCP 47 tag such as "de"'
  } catch {
    return 'a BCP 47 tag such as "de"'
  }
}

/** Each widget option with its check: the widget keys, kept out of the engine's options. */
export const WIDGET_CHECKS: Readonly<Record<WidgetKey, Check>> = {
  className: str,
  unstyled: bool,
  theme: (v) => (v === 'light' || v === 'dark' ? null : "'light' or 'dark'"),
  locale: record,
  messages: record,
  intlLocale: intlTag,
  keepUploadsOnUnmount: bool,
  warnBeforeUnload: bool,
  multiple: bool,
  accept: str,
  capture: (v) =>
    v === true || v === false || v === 'user' || v === 'environment' ? null : "true, 'user' or 'environment'",
  pasteOnDocument: bool,
  uploadButton: bool,
  disabled: bool,
  allowUrls: bool,
  onSuccess: fn,
  onError: fn,
  onRejected: fn,
  onComplete: fn,
  onProgress: fn,
  uploader: (v) =>
    typeof (v as Partial<Uploader> | null)?.subscribe === 'function'
      ? null
      : 'an engine from createUploader()',
}

/**
 * Checks a widget's own options (`mount`'s options, `<Uploader>`'s props) at the door: a wrong type throws
 * INVALID_OPTIONS naming the option and what to pass; a name that is neither a widget nor an engine option
 * warns once, with the close match. The engine's options are `createUploader`'s to check.
 */
export function checkWidgetOptions(options: object, who: string): void {
  const checks: Record<string, Check | undefined> = WIDGET_CHECKS
  for (const [key, value] of Object.entries(options)) {
    const check = checks[key]
    if (!check) {
      if (!Object.hasOwn(TOP, key)) warnUnknown(who, key, [...Object.keys(checks), ...ENGINE_NAMES])
      continue
    }
    const wanted = value === undefined ? null : check(value)
    if (wanted)
      throw new UploadError('INVALID_OPTIONS', `${who}: option "${key}" is ${shown(value)}; pass ${wanted}.`)
  }
}

/** An error of `createUploader` as a widget reports it: under the widget's name (`Upkit.mount: option "auth" …`). */
export function widgetError(error: unknown, who: string): unknown {
  if (isUploadError(error)) error.message = error.message.replace('createUploader', who)
  return error
}
