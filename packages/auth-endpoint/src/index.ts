export type {
  FetchLike,
  ImageKitFile,
  OnUploadComplete,
  RevertOption,
  RouteAction,
  UploadComplete,
} from './after-upload-types.js'
export { AuthEndpointError, type AuthErrorCode, ERROR_STATUS, isAuthEndpointError } from './errors.js'
export { DEFAULT_ALLOWED_FIELDS, UPLOAD_FIELDS, type UploadField } from './fields.js'
export { createAuthHandler } from './handler.js'
export { signUploadJwt, type UploadJwtInput } from './jwt.js'
export {
  MemoryRateLimitStore,
  type MemoryRateLimitStoreOptions,
  type RateLimitHit,
  type RateLimitStore,
} from './rate-limit.js'
export { createSignature, createToken } from './sign.js'
export type {
  AnonymousOptions,
  AuthHandler,
  AuthHandlerOptions,
  Authorize,
  AuthorizedOptions,
  AuthorizeResult,
  CorsOptions,
  Identity,
  Logger,
  PrivateKeyProvider,
  RateLimitOptions,
  RequestContext,
  SignatureBatch,
  SignatureV1,
  SignatureV2,
  UploadPolicy,
} from './types.js'
export {
  type VerifyWebhookOptions,
  verifyWebhook,
  type WebhookEvent,
  type WebhookHeaders,
  type WebhookInput,
} from './webhook.js'
export { createWebhookHandler, type WebhookHandlerOptions } from './webhook-handler.js'
