export { signV1 } from './auth.js'
export { DEFAULT_MAX_FILE_SIZE, defaultDataDir, type Emulator, startEmulator } from './emulator.js'
export { KeyStore, MAX_ACTIVE_KEYS } from './key-store.js'
export { HELP, messages } from './messages.js'
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
  Stats,
  StoredFile,
  VersionInfo,
} from './types.js'
