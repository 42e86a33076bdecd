import { enErrors } from './en-errors.js'

/**
 * English messages: one plain-language message per error code, plus every string the views show.
 * Placeholders are `{name}`; fill them with `formatMessage(messages, key, vars)`.
 */
export const en = {
  ...enErrors,
  // ---- drop zone and buttons ----
  dropPrompt: 'Drag files here, or',
  dropActive: 'Drop the files to add them',
  browse: 'browse',
  browseFiles: 'Choose files',
  pasteHint: 'You can also paste files',
  takePhoto: 'Take a photo',
  upload: 'Upload',
  cancel: 'Cancel',
  retry: 'Retry',
  remove: 'Remove',
  retryAll: 'Retry all',
  cancelAll: 'Cancel all',
  clearFinished: 'Clear finished',
  restoredNotice: 'Your last visit left {count} upload(s) unfinished.',
  resumeRestored: 'Resume',
  discardRestored: 'Discard',
  announceReverted: '“{name}” was deleted.',
  cancelFile: 'Cancel {name}',
  retryFile: 'Retry {name}',
  removeFile: 'Remove {name}',
  fileList: 'Files',
  messageList: 'Messages',
  rejected: '“{name}” was not added: {message}',
  dismiss: 'Dismiss',
  dismissMessage: 'Dismiss message',
  // ---- statuses ----
  statusQueued: 'Waiting',
  statusPreparing: 'Optimising…',
  statusSigning: 'Preparing',
  statusUploading: 'Uploading',
  statusRetrying: 'Retrying',
  statusRetryingIn: 'Retrying in {seconds}s',
  statusWaitingForNetwork: 'Waiting for the connection',
  statusSuccess: 'Done',
  statusSuccessSaved: 'Done · {saved} saved',
  statusProcessing: 'Uploaded · processing',
  statusError: 'Failed',
  statusCancelled: 'Cancelled',
  offline: 'You are offline. Uploads will continue when the connection is back.',
  // ---- progress ----
  progressFile: 'Upload progress of {name}',
  progressTotal: 'Total upload progress',
  percent: '{percent}%',
  bytesOf: '{uploaded} of {total}',
  speed: '{speed}/s',
  eta: '{time} left',
  etaSeconds: '{seconds} s',
  etaMinutes: '{minutes} min {seconds} s',
  filesCount: '{done} of {total} files',
  // ---- live-region announcements ----
  announceAdded: '{count} file(s) added.',
  announceRejected: '{count} file(s) could not be added.',
  announceProgress: '{name}: {percent}% uploaded.',
  announceTotalProgress: 'Uploads {percent}% complete.',
  announceSuccess: '{name} uploaded.',
  announceError: '{name} failed: {message}',
  announceRetrying: '{name}: retrying in {seconds} seconds.',
  announceCancelled: '{name} cancelled.',
  announceComplete: 'All uploads finished: {successful} succeeded, {failed} failed.',
}

/** Every message key with its text. Locales and `messages` overrides use this shape. */
export type Messages = { [K in keyof typeof en]: string }
export type MessageKey = keyof Messages
