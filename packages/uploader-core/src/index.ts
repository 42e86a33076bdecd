export { formatMessage } from './format-message.js'
export { de } from './locales/de.js'
export type { MessageKey, Messages } from './locales/en.js'
export { en } from './locales/en.js'
export { fr } from './locales/fr.js'
export { prefetchSignatures } from './signature-pool.js'
export type {
  AddFilesResult,
  AuthContext,
  AuthEndpoint,
  AuthFunction,
  FileDescription,
  FileError,
  FileRejection,
  FileState,
  FileStatus,
  OnlineSource,
  Restrictions,
  RetryOptions,
  RetryReason,
  Signature,
  SignaturePoolFactory,
  SignaturePoolLike,
  SignatureV1,
  SignatureV2,
  Timers,
  UploadCounts,
  UploadErrorCode,
  Uploader,
  UploaderEventName,
  UploaderEvents,
  UploaderOptions,
  UploaderSnapshot,
  UploadParams,
  UploadResult,
  UploadTotals,
  XhrFactory,
} from './types.js'
export { isUploadError, UploadError } from './upload-error.js'
export { createUploader } from './uploader.js'
