/**
 * Framework-free view helpers shared by `@upkit/react-uploader` and the vanilla `mount()` widget.
 *
 * Markup spec — both widgets render exactly this tree (`<id>` is a per-widget unique id). The styled
 * look comes from `styles.css`, scoped under `.upkit--styled`; `unstyled` drops that one class.
 *
 * div.upkit.upkit--styled [data-theme="light"|"dark" optional]
 * ├─ div.upkit-dropzone [role=button][tabindex=0][aria-describedby="<id>-hint"]
 * │   │   (+ .upkit-dropzone--active while files are dragged over; [aria-disabled=true] + .upkit-dropzone--disabled)
 * │   │   click / Enter / Space → input.click(); drop (folders walked) and paste (when focused) add files
 * │   ├─ svg.upkit-dropzone-icon [aria-hidden=true][focusable=false]
 * │   ├─ span.upkit-dropzone-title  dropPrompt + " " + span.upkit-browse browse   (while dragging: dropActive)
 * │   ├─ span.upkit-dropzone-hint#<id>-hint  pasteHint
 * │   └─ input.upkit-input [type=file][hidden][tabindex=-1][aria-label=browseFiles][multiple][accept][capture]
 * │       (its click must not bubble to the zone; value reset after each `change`)
 * ├─ form.upkit-link [novalidate]                       (only with allowUrls; Enter/Add → uploader.addUrl)
 * │   ├─ label [for="<id>-url"]  urlLabel
 * │   ├─ input.upkit-link-input#<id>-url [type=url]  (refused: [aria-invalid=true][aria-describedby="<id>-url-error"])
 * │   ├─ button.upkit-button [type=submit]  urlAdd
 * │   └─ span.upkit-link-error#<id>-url-error [aria-live=polite]  the refusal's message ('' when none)
 * ├─ ul.upkit-messages [aria-label=messageList]          (only while there are rejections or notices)
 * │   └─ li.upkit-message   (+ .upkit-message--info for a notice such as "“a.png” was deleted.")
 * │       ├─ span.upkit-message-text  rejectionText(name, error.message): the engine's text names file + limit
 * │       └─ button.upkit-button [type=button][aria-label=dismissMessage]  dismiss
 * ├─ ul.upkit-files [aria-label=fileList]                  (only while there are files)
 * │   │   over VIRTUAL_AFTER files: + .upkit-files--virtual (a scroll box); only listWindow()'s rows are drawn
 * │   └─ li.upkit-file [data-status=<FileStatus>]   (virtual: + [aria-setsize=<files>][aria-posinset=<index + 1>],
 * │       and style="margin-top: <before>px;" on the first row drawn, "margin-bottom: <after>px;" on the last)
 * │       ├─ img.upkit-thumb [alt=""]  (canPreview(file): object URL, revoked when the row goes)
 * │       │   or span.upkit-thumb.upkit-thumb--icon [aria-hidden=true] > svg (a file icon)
 * │       ├─ div.upkit-file-main
 * │       │   ├─ span.upkit-file-name   file.name
 * │       │   │   or, once stored (fileLink(file)): a.upkit-file-name.upkit-file-link [href=url][target=_blank]
 * │       │   │   [rel=noopener][aria-label=openFile{name}]  file.name
 * │       │   ├─ span.upkit-file-size   formatBytes(file.size)
 * │       │   ├─ progress.upkit-progress [max=100][value=percent][aria-label=progressFile{name}][aria-valuetext=formatPercent]
 * │       │   │   (showsProgress(file): not for a failed or cancelled file)
 * │       │   ├─ span.upkit-file-status fileStatusLabel()
 * │       │   ├─ span.upkit-file-error  errorText(file.error)      (status error only)
 * │       │   └─ span.upkit-file-note [aria-live=polite]  copyNote() after Copy link   (stored files only)
 * │       └─ div.upkit-file-actions   (fileActions(): only the buttons that apply, in this order)
 * │           └─ button.upkit-button [type=button][aria-label=cancelFile|retryFile|copyLinkFile|removeFile{name}]
 * │               cancel|retry|copyLink|remove
 * ├─ div.upkit-total                                      (only while there are files)
 * │   ├─ progress.upkit-progress.upkit-progress--total [max=100][value][aria-label=progressTotal][aria-valuetext=valueText]
 * │   ├─ span.upkit-total-text  [summary, speed, eta].filter(Boolean).join(' · ')   (totalProgress())
 * │   └─ div.upkit-actions
 * │       ├─ button.upkit-button.upkit-button--primary "Upload"   (autoUpload off and files queued)
 * │       ├─ button.upkit-button "Retry all"                      (canRetryAll)
 * │       ├─ button.upkit-button "Cancel all"                     (canCancelAll)
 * │       └─ button.upkit-button "Clear finished"                 (canClearFinished) → clearFinished()
 * └─ div.upkit-live.upkit-sr-only [role=status][aria-live=polite][aria-atomic=true]
 *       text = announcements(prev, next).join(' ') when non-empty (a repeat gets a trailing U+00A0 so it is
 *       read again); a batch of rejections: announceRejected{count} + their texts.
 *
 * Strings are message keys (viewText(messages, key, vars), messages = resolveMessages(locale, overrides)).
 * The retry countdown ("Server busy — retrying in 4 s") and the stall hint ("Waiting for the network…")
 * need a re-render every second while a file is `retrying` or `uploading`.
 *
 * Focus: when the focused button disappears (pressed, or the file moved on: Cancel → Retry/Remove, a row
 * removed, Cancel all → Retry all) and focus fell to <body>, move it to the first button of the same
 * group (.upkit-file-actions / .upkit-actions / .upkit-message), else the first button of the list item
 * now at the same index, else the drop zone. Never move focus that the user put elsewhere. In a long
 * list, the row that holds focus stays drawn while it is scrolled out of view (listWindow keeps it).
 *
 * Long lists: the list is measured (readListView) after every draw and on each `scroll` event, and
 * drawn again when the view moved — in the scroll event itself, so the painted frame has the rows.
 */
export { acceptAttribute } from './accept.js'
export { type AddedRun, announcements, MILESTONES } from './announcements.js'
export { warnBeforeUnload } from './beforeUnload.js'
export { type ClassNameKey, classNames, cx } from './classNames.js'
export { COPIED_NOTE_MS, type CopyOutcome, copyLink, copyNote } from './copyLink.js'
export { collectDroppedFiles } from './droppedFiles.js'
export { emptySnapshot } from './emptySnapshot.js'
export { engineOptionsFrom } from './engineOptions.js'
export { errorText, rejectionText } from './errorText.js'
export { type FocusSpot, rememberFocus, rescueFocus } from './focusRescue.js'
export { formatBytes, formatEta, formatPercent, formatSpeed } from './format.js'
export { type ListView, listWindow, readListView, startView } from './listView.js'
export { type ResolvedLocale, resolveLocale } from './locale.js'
export {
  canPreview,
  type FileActions,
  fileActions,
  fileLink,
  fileStatusLabel,
  isStalled,
  progressValue,
  STALL_HINT_MS,
  secondsUntil,
  showsProgress,
} from './status.js'
export {
  resolveMessages,
  type ViewMessages,
  viewText,
} from './strings.js'
export { type TotalProgressModel, totalProgress } from './totalProgress.js'
export { OVERSCAN, VIRTUAL_AFTER, type VisibleRange, visibleRange } from './visibleRange.js'
export {
  checkWidgetOptions,
  type WidgetCallbacks,
  type WidgetEngineOptions,
  type WidgetEngineSource,
  type WidgetOptions,
  widgetError,
} from './widgetOptions.js'
