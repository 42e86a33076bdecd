/**
 * English error messages: one plain-language message per error code (plus the request-id suffix).
 * The engine's default path needs only these; the UI strings are in `en.ts`.
 */
export const enErrors = {
  /** The table's language (BCP 47), for plural forms (`{count, plural, one {…} other {…}}`). */
  lang: 'en',
  // ---- errors: restrictions (client side) ----
  FILE_TOO_LARGE: '“{name}” is too large ({size}). Files can be at most {max}.',
  FILE_TOO_SMALL: '“{name}” is too small ({size}). Files must be at least {min}.',
  TOTAL_SIZE_EXCEEDED: '“{name}” was not added: all files together can be at most {max}.',
  FILE_TYPE_NOT_ALLOWED: '“{name}” is not an allowed type. Allowed: {types}.',
  TOO_MANY_FILES:
    '“{name}” was not added: you can upload at most {max, plural, one {# file} other {# files}}.',
  DUPLICATE_FILE: '“{name}” is already in the list.',
  VALIDATION_FAILED: '“{name}” cannot be uploaded. {reason}',
  // ---- errors: answers from ImageKit ----
  STORAGE_LIMIT_EXCEEDED:
    'The account’s storage or upload limit is reached, so the file was not saved. Please tell the site owner.',
  INVALID_SIGNATURE: 'The upload was refused: its signature is not valid. Please try again.',
  SIGNATURE_EXPIRED: 'The upload permission expired before the file was sent. Please try again.',
  TOKEN_REUSED: 'The upload permission had already been used. Please try again.',
  AUTHENTICATION_FAILED: 'The upload service refused this site’s key. Please tell the site owner.',
  KEY_EXPIRED: 'This site’s upload key has expired. Please tell the site owner.',
  ACCOUNT_DISABLED: 'The upload account is disabled. Please tell the site owner.',
  PERMISSION_DENIED: 'This site’s key may not upload files. Please tell the site owner.',
  CHECKS_FAILED: 'The file did not pass this site’s upload checks.',
  FILE_EXISTS: 'A file with this name already exists there and may not be replaced.',
  INVALID_REQUEST: 'The upload service refused the file: {detail}',
  RATE_LIMITED: 'Too many uploads at once. Please wait a moment and try again.',
  SERVER_ERROR: 'The upload service had a problem. Please try again in a moment.',
  // ---- errors: transport and app ----
  NETWORK_ERROR: 'The connection was lost. Check your internet and try again.',
  TIMEOUT: 'The upload stopped moving. Check your connection and try again.',
  SIGNING_FAILED: 'This site did not accept the file: {detail}',
  signingUnavailable: 'The upload service is not available right now. Please try again later.',
  signingSignIn: 'Please sign in to upload files.',
  signingForbidden: 'You are not allowed to upload files here.',
  signingBusy: 'Too many uploads at once. Please wait a moment and try again.',
  ABORTED: 'The upload was cancelled.',
  REVERT_FAILED: '“{name}” could not be deleted. Please try again.',
  INSECURE_ENDPOINT: 'Uploads need a secure (https) address, but {url} is not one.',
  // ---- developer mistakes: the detail says, in English, which option or input and what to pass ----
  INVALID_OPTIONS: '{detail}',
  INVALID_INPUT: '{detail}',
  INVALID_PARAMS: '{detail}',
  requestId: 'Request ID: {requestId}',
  // ---- addUrl: a link ImageKit downloads ----
  INVALID_URL: 'Enter a full link starting with https:// or http://.',
  urlCredentials: 'Links with a user name or password can’t be added: the upload service would see them.',
}
