/** Everything the demo server can be told, from the environment or from a test. */
export interface ImageKitAccount {
  publicKey: string
  privateKey: string
  urlEndpoint: string
}

export interface DemoOptions {
  /** Port of the pages and the signing route (0 = random). */
  port: number
  host: string
  /** Port of the emulator (0 = random); unused in real-ImageKit mode. */
  emulatorPort: number
  /** The emulator's data folder, or `null` for a fresh temporary one removed on close. */
  dataDir: string | null
  /** `true`: serve a production `vite build`; `false`: Vite middleware with HMR. */
  production: boolean
  /** Set when the three IMAGEKIT_* variables are: upload to a real account, no emulator. */
  imagekit: ImageKitAccount | null
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value.trim() : undefined
}

function port(value: string | undefined, fallback: number): number {
  const parsed = Number(nonEmpty(value) ?? fallback)
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) throw new Error(`Invalid port: ${value}`)
  return parsed
}

/** Reads the real ImageKit account from IMAGEKIT_PUBLIC_KEY / _PRIVATE_KEY / _URL_ENDPOINT (all three or none). */
export function imagekitAccountFromEnv(env: NodeJS.ProcessEnv): ImageKitAccount | null {
  const publicKey = nonEmpty(env.IMAGEKIT_PUBLIC_KEY)
  const privateKey = nonEmpty(env.IMAGEKIT_PRIVATE_KEY)
  const urlEndpoint = nonEmpty(env.IMAGEKIT_URL_ENDPOINT)
  if (publicKey && privateKey && urlEndpoint) return { publicKey, privateKey, urlEndpoint }
  if (publicKey || privateKey || urlEndpoint) {
    console.warn(
      'upkit demo: set all three of IMAGEKIT_PUBLIC_KEY, IMAGEKIT_PRIVATE_KEY and IMAGEKIT_URL_ENDPOINT ' +
        'to use a real ImageKit account; using the local emulator instead.',
    )
  }
  return null
}

export function demoOptionsFromEnv(env: NodeJS.ProcessEnv, defaultDataDir: string): DemoOptions {
  const ephemeral = env.UPKIT_DEMO_EPHEMERAL === '1'
  return {
    port: port(env.UPKIT_DEMO_PORT, 4610),
    host: nonEmpty(env.UPKIT_DEMO_HOST) ?? '127.0.0.1',
    emulatorPort: port(env.UPKIT_EMULATOR_PORT, 4600),
    dataDir: ephemeral ? null : (nonEmpty(env.UPKIT_DATA_DIR) ?? defaultDataDir),
    production: env.NODE_ENV === 'production' || env.UPKIT_DEMO_BUILD === '1',
    imagekit: imagekitAccountFromEnv(env),
  }
}
