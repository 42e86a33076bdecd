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
  checksSyntax: 'Your request contains invalid syntax for the checks parameter.',
  checksFailed: "Your request failed 'checks' validation.",
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
  // GUESS: no public source for these.
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
  remoteUrl: 'Your request contains invalid file parameter. The emulator cannot download remote URLs.',
  rateLimited: 'You have exceeded the rate limit. Please try again later.',
  faultStatus: (status: number) =>
    status >= 500
      ? 'We have encountered an internal error. Please try again later.'
      : `Request failed with status ${status}.`,
  notFound: 'The requested resource does not exist.',
  methodNotAllowed: 'This method is not allowed on this resource.',
  internal: 'We have encountered an internal error. Please try again later.',
} as const
