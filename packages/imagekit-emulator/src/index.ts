export { signV1 } from './auth.js'
export { DEFAULT_MAX_FILE_SIZE, defaultDataDir, type Emulator, startEmulator } from './emulator.js'
export {
  acceptedFault,
  FAULT_PRESETS,
  type FaultPresetName,
  gatewayErrorFault,
  presetFault,
  updateThrottledFault,
} from './fault-presets.js'
export { type KeyRuleCode, KeyRuleError, MAX_ACTIVE_KEYS, ROLL_EXPIRY_MS } from './key-rules.js'
export { KeyStore } from './key-store.js'
export { HELP, messages } from './messages.js'
export { DEFAULT_RATE_LIMIT_WINDOWS, MEDIA_ENDPOINTS } from './rate-limiter.js'
export { PLAN_LIMITS, type SizeClass } from './size-limits.js'
export type {
  ActiveFault,
  CompactionOptions,
  EmulatorOptions,
  FaultAction,
  FaultMatch,
  FaultRule,
  KeyPair,
  KeyPairInit,
  KeyType,
  MediaAccess,
  MediaEndpoint,
  Plan,
  RateLimits,
  RateLimitWindow,
  RemoteFileOptions,
  Stats,
  StoredFile,
  VersionInfo,
  WebhookDelivery,
  WebhookOptions,
} from './types.js'
export { type ReceivedWebhook, startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js'
export type { WebhookEvent } from './webhook-sender.js'
export { signWebhook } from './webhook-signature.js'
