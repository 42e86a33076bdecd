import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Where this app uploads: a real ImageKit account from IMAGEKIT_PUBLIC_KEY / IMAGEKIT_PRIVATE_KEY /
 * IMAGEKIT_URL_ENDPOINT, or — for development — the local emulator that `npm start` runs (its key pair is
 * read from the demo's data folder, demo/.upkit-data/keys.json, or UPKIT_DATA_DIR).
 */
export interface ImageKitSetup {
  mode: 'imagekit' | 'emulator'
  publicKey: string
  privateKey: () => string
  /** Undefined: ImageKit's own upload URL. */
  uploadEndpoint: string | undefined
}

const emulatorUrl = process.env.UPKIT_EMULATOR_URL ?? 'http://127.0.0.1:4600'
const keysFile = join(process.env.UPKIT_DATA_DIR ?? join(process.cwd(), '..', '.upkit-data'), 'keys.json')
/** Build-time stand-in when neither an account nor the emulator's keys exist yet. */
const UNSET = 'public_upkit_dev_unset'

interface EmulatorKey {
  publicKey: string
  privateKey: string
  type: string
  mediaAccess: string
  expiresAt?: number
}

function emulatorKeys(): EmulatorKey[] {
  try {
    return JSON.parse(readFileSync(keysFile, 'utf8')) as EmulatorKey[]
  } catch {
    return []
  }
}

function emulatorSetup(): ImageKitSetup {
  const key = emulatorKeys().find((k) => k.type === 'standard' && k.expiresAt === undefined)
  const publicKey = key?.publicKey ?? UNSET
  return {
    mode: 'emulator',
    publicKey,
    privateKey: () => {
      const current = emulatorKeys().find((k) => k.publicKey === publicKey)
      if (!current) {
        throw new Error(
          `No emulator key pair in ${keysFile}: run \`npm start\` first, or set the IMAGEKIT_* variables.`,
        )
      }
      return current.privateKey
    },
    uploadEndpoint: `${emulatorUrl}/api/v1/files/upload`,
  }
}

export function imagekitSetup(): ImageKitSetup {
  const { IMAGEKIT_PUBLIC_KEY: publicKey, IMAGEKIT_PRIVATE_KEY: privateKey } = process.env
  if (publicKey && privateKey) {
    return { mode: 'imagekit', publicKey, privateKey: () => privateKey, uploadEndpoint: undefined }
  }
  return emulatorSetup()
}
