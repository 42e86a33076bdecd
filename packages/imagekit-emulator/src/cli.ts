import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { defaultDataDir, type Emulator, startEmulator } from './emulator.js'
import { KeyRuleError } from './key-rules.js'
import { parseRateLimitSpecs } from './rate-limit-spec.js'
import { isPlan, PLANS } from './size-limits.js'
import type { EmulatorOptions, KeyPairInit } from './types.js'

const USAGE = `upkit-emulator — a local ImageKit upload and media API

Usage: upkit-emulator [--port 4600] [--host 127.0.0.1] [--data-dir DIR] [--plan free|lite|pro]
                      [--max-file-size BYTES] [--quota BYTES] [--url-endpoint URL] [--keys FILE.json]
                      [--rate-limit [ENDPOINT=]LIMIT/INTERVAL[,…] | off]…
                      [--webhook-url URL --webhook-secret SECRET]

Defaults: port 4600, host 127.0.0.1, data dir $UPKIT_EMULATOR_DATA or ~/.upkit-emulator,
the free plan, no storage quota, one generated standard key pair, media API limits of 100/1s and
1000/15m per endpoint, no webhooks.
--plan: ImageKit's upload limits of free (25 MB, videos 100 MB), lite (40 MB, videos 300 MB) or pro
(50 MB, videos 2 GB). --max-file-size: one limit for every file type instead.
--keys: a JSON array of { publicKey?, privateKey?, type?, mediaAccess? } (at most 5, one standard).
--rate-limit: e.g. 100/1s,1000/15m (every endpoint), getDetails=10/1s (one), off (none).`

function toBytes(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(value.trim())
  if (!match) throw new Error(`--${name} must be a number of bytes (e.g. 26214400 or 25mb)`)
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(match[2] ?? 'b').toLowerCase() as 'b']
  return Math.floor(Number(match[1]) * unit)
}

type LimitFlags = {
  plan?: string | undefined
  'max-file-size'?: string | undefined
  quota?: string | undefined
}

/** --plan, --max-file-size and --quota. */
function limitOptions(values: LimitFlags): Pick<EmulatorOptions, 'plan' | 'maxFileSize' | 'storageQuota'> {
  const result: Pick<EmulatorOptions, 'plan' | 'maxFileSize' | 'storageQuota'> = {}
  if (values.plan !== undefined) {
    if (!isPlan(values.plan)) throw new Error(`--plan must be one of ${PLANS.join(', ')}`)
    result.plan = values.plan
  }
  const maxFileSize = toBytes('max-file-size', values['max-file-size'])
  const quota = toBytes('quota', values.quota)
  if (maxFileSize !== undefined) result.maxFileSize = maxFileSize
  if (quota !== undefined) result.storageQuota = quota
  return result
}

function options(): EmulatorOptions | undefined {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4600' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      plan: { type: 'string' },
      'max-file-size': { type: 'string' },
      quota: { type: 'string' },
      'url-endpoint': { type: 'string' },
      keys: { type: 'string' },
      'rate-limit': { type: 'string', multiple: true },
      'webhook-url': { type: 'string' },
      'webhook-secret': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return undefined
  const result: EmulatorOptions = {
    port: Number(values.port),
    host: values.host ?? '127.0.0.1',
    dataDir: values['data-dir'] ?? defaultDataDir(),
  }
  Object.assign(result, limitOptions(values))
  if (values['url-endpoint']) result.urlEndpoint = values['url-endpoint']
  if (values.keys) result.keys = JSON.parse(readFileSync(values.keys, 'utf8')) as KeyPairInit[]
  const rateLimits = parseRateLimitSpecs(values['rate-limit'] ?? [])
  if (rateLimits !== undefined) result.rateLimits = rateLimits
  const webhook = { url: values['webhook-url'], secret: values['webhook-secret'] }
  if (webhook.url || webhook.secret) {
    if (!webhook.url || !webhook.secret) throw new Error('--webhook-url and --webhook-secret go together')
    result.webhook = { url: webhook.url, secret: webhook.secret }
  }
  return result
}

function describe(emu: Emulator): string {
  const keys = emu.keys
    .list()
    .map(
      (key) =>
        `  ${key.type}${key.type === 'restricted' ? ` (${key.mediaAccess})` : ''}${key.expiresAt ? ` expires ${new Date(key.expiresAt).toISOString()}` : ''}\n` +
        `    public:  ${key.publicKey}\n    private: ${key.privateKey}`,
    )
    .join('\n')
  const primary = emu.keys.primary
  return `ImageKit emulator listening on ${emu.url}
  upload (v1):  ${emu.uploadUrl}
  upload (v2):  ${emu.uploadUrlV2}
  urlEndpoint:  ${emu.urlEndpoint}
  media API:    ${emu.url}/v1/files (Basic auth: private key as user name)
  control API:  ${emu.url}/_emulator/{faults,files,stats,keys,account,quota}
  data dir:     ${emu.dataDir}

Key pairs (development only):
${keys}

Point your app at it:
  IMAGEKIT_PUBLIC_KEY=${primary.publicKey}
  IMAGEKIT_PRIVATE_KEY=${primary.privateKey}
  IMAGEKIT_URL_ENDPOINT=${emu.urlEndpoint}
  Upkit uploader:        uploadEndpoint: '${emu.uploadUrl}'
  @imagekit/nodejs:      new ImageKit({ privateKey, baseURL: '${emu.url}' })
  @imagekit/javascript:  pass an xhr whose open() swaps https://upload.imagekit.io for ${emu.url}

Ctrl+C to stop.`
}

async function main(): Promise<void> {
  const opts = options()
  if (!opts) {
    console.log(USAGE)
    return
  }
  const emu = await startEmulator(opts)
  console.log(describe(emu))
  const stop = () => {
    emu.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

/** What the CLI prints for a failed start: one line (a taken port says which one and the flag that moves it). */
function startFailure(error: unknown): string {
  const taken = error as NodeJS.ErrnoException & { port?: number }
  if (taken?.code === 'EADDRINUSE') {
    return `upkit-emulator: port ${taken.port} is in use (--port); stop the other process or pass --port <another port>`
  }
  const code = error instanceof KeyRuleError ? `[${error.code}] ` : ''
  return `upkit-emulator: ${code}${error instanceof Error ? error.message : String(error)}`
}

main().catch((error: unknown) => {
  console.error(startFailure(error))
  process.exit(1)
})
