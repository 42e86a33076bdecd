/**
 * ImageKit's error messages. `exact` ones are documented (ImageKit's OpenAPI spec, its SDKs' test
 * fixtures, GitHub issues). Those marked GUESS follow ImageKit's house style
 * ("Your request is missing X parameter." / "Your request contains invalid X parameter.") because no
 * public source gives the real wording.
 */
export const HELP = 'For support kindly contact us at support@imagekit.io .'

export const messages = {
  missingFile: 'Your request is missing file parameter.',
  bothAuth:
    'Your request contains both signature and basic auth parameter. Use only one method, you might be exposing your private API key.',
  invalidExpire:
    'Your request contains invalid expire parameter. Expire parameter should be a Unix time in less than 1 hour into the future.',
  tokenUsed: (token: string) =>
    `The token with value '${token}' has been used before. We suggest using V4 UUIDs, or another random string with enough entropy to avoid collisions.`,
  conflict:
    'A file with the same name already exists at the exact location. We could not overwrite it because both overwriteFile and useUniqueFileName are set to false.',
  fileTooLarge: 'Your request contains invalid file parameter. The file size exceeds limits.',
  uploadLimit: 'Upload Limit Exceeded.',
  invalidTransformation: 'The file could not be uploaded because the transformation field is invalid.',
  transformationFileType:
    'The file could not be uploaded because transformations are supported only for image and video files.',
  postTransformationIncompatible:
    'The file could not be uploaded because the detected file type & post-transformation are incompatible.',
  // OAS 400 list. The emulator adds a sentence naming the part it could not parse (like invalidParam).
  checksSyntax: (detail?: string) =>
    `Your request contains invalid syntax for the checks parameter.${detail ? ` ${detail}` : ''}`,
  checksFailed: "Your request failed 'checks' validation.",
  // OAS upload 400 list: a transient per-file throttle (emulated only as updateThrottledFault()).
  updateThrottled: 'You have sent too many requests to update the file recently. Please try again later.',
  // OAS upload 202 ("Pre transformation for video is being processed"): not an error; the body has no help.
  preTransformationQueued: 'The pre-transformation has been queued successfully.',
  noPrivateKey: 'Your request does not contain private API key.',
  notAuthenticated: 'Your account cannot be authenticated.',
  expiredPrivateKey: 'Your request contains expired private API key.',
  accountDisabled: 'Your account is disabled.',
  // V2 (documented)
  v2MissingToken: 'Your request is missing token parameter.',
  v2ExpiredToken: 'Your request contains expired token.',
  v2InvalidToken: 'Your request has invalid token.',
  v2PayloadMismatch:
    'Your request contains invalid payload. It does not match with the payload used to generate token.',
  v2BothAuth:
    'Your request contains both token and basic auth parameter. Use only one method, you might be exposing your private API key.',
  // Media API (OAS v1.0.0.yaml 400/404 examples of each path).
  fileNotFound: 'The requested file does not exist.',
  filesNotFound: 'The requested file(s) does not exist.',
  metadataNotFound: 'The requested file does not exist or is inaccessible at this time.',
  invalidFileId: 'Your request contains invalid fileId parameter.',
  invalidCustomMetadata: 'Invalid custom metadata.',
  fileIdsMissing: 'fileIds parameter is missing.',
  fileIdsNotArray: 'fileIds should be an Array.',
  fileIdsEmpty: 'fileIds is empty.',
  tooManyToDelete: 'fileIds cannot have more than 100 items.',
  tooManyToEdit: 'A maximum of 50 files can be edited at a time.',
  tagsMissing: 'tags parameter is missing.',
  tagsEmpty: 'tags array cannot be empty.',
  tagsTooLong:
    'Your request contains invalid value for tags parameter. Combined length of all tags should be less than or equal to 500.',
  skipTooSmall: (value: string) =>
    `The value of skip parameter should be greater than or equal to 0. Value sent is ${value}.`,
  limitTooSmall: (value: string) => `Minimum value of limit parameter is 1. Value sent is ${value}.`,
  limitTooLarge: (value: string) => `Maximum value of limit parameter is 1000. Value sent is ${value}.`,
  invalidSort: 'Your request contains invalid value for sort parameters.',
  invalidType:
    'Your request contains invalid value for type parameter. Please provide one of the following: file, file-version, folder, all.',
  // GUESS: no public source for these.
  invalidFileType:
    'Your request contains invalid value for fileType parameter. Please provide one of the following: all, image, non-image.',
  invalidSearchQuery: 'Your request contains invalid syntax for the searchQuery parameter.',
  invalidJsonBody: 'Your request contains invalid JSON body.',
  bodyTooLarge: 'Your request body is too large.',
  keyNoMediaAccess:
    'Your request is not authorized to perform this action. The API key used does not have media access.',
  // GUESS: the OAS names the fields' rules (AutoTaggingExtension requires maxTags and minConfidence), not the words.
  invalidExtensions: (detail: string) => `Your request contains invalid extensions parameter. ${detail}`,
  missingParam: (name: string) => `Your request is missing ${name} parameter.`,
  invalidParam: (name: string, detail?: string) =>
    `Your request contains invalid ${name} parameter.${detail ? ` ${detail}` : ''}`,
  invalidSignature: 'Your request contains invalid signature parameter.',
  expiredPublicKey: 'Your request contains expired public API key.',
  keyNotPermitted:
    'Your request is not authorized to perform this action. The API key used does not have read and write media access.',
  malformedBody: 'Your request contains invalid multipart/form-data body.',
  tooManyFiles: 'Your request contains invalid file parameter. Only one file can be uploaded per request.',
  tooManyParameters: 'Your request contains too many parameters.',
  emptyFile: 'Your request contains invalid file parameter. The file is empty.',
  // GUESS, `file` as a URL: the OAS and SDK docs give the 400s (cannot download; no headers in 8 s), not the words.
  remoteUnreachable:
    'Your request contains invalid file parameter. The file could not be downloaded from the specified URL.',
  remoteTimeout:
    'Your request contains invalid file parameter. The file download was aborted because the URL did not respond in time.',
  remoteScheme: 'Your request contains invalid file parameter. Only http and https URLs can be downloaded.',
  rateLimited: 'You have exceeded the rate limit. Please try again later.',
  faultStatus: (status: number) =>
    status >= 500
      ? 'We have encountered an internal error. Please try again later.'
      : `Request failed with status ${status}.`,
  notFound: 'The requested resource does not exist.',
  methodNotAllowed: 'This method is not allowed on this resource.',
  internal: 'We have encountered an internal error. Please try again later.',
} as const
