/**
 * Class names of the widget, shared by the React component and the vanilla `mount()` widget.
 * The stylesheet (`styles.css`) targets exactly these; renaming one is a breaking change.
 */
export const classNames = {
  root: 'upkit',
  styled: 'upkit--styled',
  dropzone: 'upkit-dropzone',
  dropzoneActive: 'upkit-dropzone--active',
  dropzoneDisabled: 'upkit-dropzone--disabled',
  dropzoneIcon: 'upkit-dropzone-icon',
  dropzoneTitle: 'upkit-dropzone-title',
  dropzoneHint: 'upkit-dropzone-hint',
  browse: 'upkit-browse',
  input: 'upkit-input',
  link: 'upkit-link',
  linkInput: 'upkit-link-input',
  linkError: 'upkit-link-error',
  files: 'upkit-files',
  filesVirtual: 'upkit-files--virtual',
  file: 'upkit-file',
  thumb: 'upkit-thumb',
  thumbIcon: 'upkit-thumb--icon',
  fileMain: 'upkit-file-main',
  fileName: 'upkit-file-name',
  fileLink: 'upkit-file-link',
  fileSize: 'upkit-file-size',
  fileStatus: 'upkit-file-status',
  fileError: 'upkit-file-error',
  fileNote: 'upkit-file-note',
  fileActions: 'upkit-file-actions',
  progress: 'upkit-progress',
  progressTotal: 'upkit-progress--total',
  total: 'upkit-total',
  totalText: 'upkit-total-text',
  actions: 'upkit-actions',
  button: 'upkit-button',
  buttonPrimary: 'upkit-button--primary',
  messages: 'upkit-messages',
  message: 'upkit-message',
  messageInfo: 'upkit-message--info',
  messageText: 'upkit-message-text',
  live: 'upkit-live',
  srOnly: 'upkit-sr-only',
} as const

export type ClassNameKey = keyof typeof classNames

/** Joins truthy class names with spaces. */
export function cx(...names: ReadonlyArray<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ')
}
