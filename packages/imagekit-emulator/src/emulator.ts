import { mkdirSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { clearFiles } from './clear-files.js'
import { FaultStore } from './fault-store.js'
import { FileStore } from './file-store.js'
import { KeyStore } from './key-store.js'
import { RateLimiter } from './rate-limiter.js'
import { createListener } from './router.js'
import { isPlan, PLAN_LIMITS, PLANS } from './size-limits.js'
import type { EmulatorState } from './state.js'
import { TokenStore } from './token-store.js'
import type {
  ActiveFault,
  EmulatorOptions,
  FaultRule,
  Plan,
  RemoteFileOptions,
  Stats,
  StoredFile,
  WebhookDelivery,
  WebhookOptions,
} from './types.js'
import { WebhookSender } from './webhook-sender.js'

/** The free plan's upload limit for images, audio and raw files (its videos may have 100 MB: PLAN_LIMITS). */
export const DEFAULT_MAX_FILE_SIZE = PLAN_LIMITS.free.other

/** ImageKit waits 8 s for a remote file's response headers (OAS `FileUploadV1.file`); the rest are ours. */
const REMOTE_FILE_DEFAULTS: Required<RemoteFileOptions> = {
  headersTimeoutMs: 8000,
  idleTimeoutMs: 8000,
  maxRedirects: 5,
}

export function defaultDataDir(): string {
  return process.env.UPKIT_EMULATOR_DATA ?? join(homedir(), '.upkit-emulator')
}

export interface Emulator {
  url: string
  uploadUrl: string
  uploadUrlV2: string
  urlEndpoint: string
  dataDir: string
  keys: KeyStore
  faults: {
    add(rule: FaultRule): string
    remove(id: string): boolean
    clear(): void
    list(): ActiveFault[]
  }
  files(): Promise<StoredFile[]>
  clearFiles(): Promise<void>
  stats(): Stats
  resetStats(): void
  setAccountDisabled(disabled: boolean): void
  setStorageQuota(bytes: number): void
  /** Forget the media API's request counts (every rate-limit window starts afresh). */
  resetRateLimits(): void
  webhooks: {
    /** Change (or, with undefined, stop) where events go. */
    configure(options: WebhookOptions | undefined): void
    /** Every event sent (the last 500), with its delivery status. */
    deliveries(): WebhookDelivery[]
    /** Resolves once every delivery started so far has succeeded or given up. */
    settled(): Promise<void>
  }
  /** Temp files of uploads in progress (empty when nothing is uploading). */
  tempFiles(): string[]
  stop(): Promise<void>
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolvePromise(server.address() as AddressInfo)
    })
  })
}

function checkedPlan(plan: unknown): Plan {
  if (plan === undefined) return 'free'
  if (!isPlan(plan)) throw new Error(`plan must be one of ${PLANS.join(', ')}`)
  return plan
}

function createState(options: EmulatorOptions, dataDir: string): EmulatorState {
  const now = options.now ?? Date.now
  const plan = checkedPlan(options.plan)
  const state: EmulatorState = {
    keys: new KeyStore({ dataDir, keys: options.keys, now }),
    tokens: new TokenStore(now),
    // Options that can be refused come before the file store, which starts work on the data dir.
    rateLimiter: new RateLimiter(options.rateLimits),
    webhooks: new WebhookSender(options.webhook, now),
    files: new FileStore(dataDir, () => state.urlEndpoint, options.compaction),
    faults: new FaultStore(),
    stats: { requests: 0, uploads: 0, tokensUsed: [] },
    now,
    maxFileSize: options.maxFileSize,
    plan,
    remoteFile: { ...REMOTE_FILE_DEFAULTS, ...options.remoteFile },
    storageQuota: options.storageQuota ?? Number.POSITIVE_INFINITY,
    accountDisabled: false,
    exposeRequestId: options.exposeRequestId ?? false,
    urlEndpoint: '',
    servePrefix: '/ik',
    inflight: new Set(),
    uploads: new Set(),
  }
  return state
}

function emulatorApi(state: EmulatorState, server: Server, url: string, dataDir: string): Emulator {
  return {
    url,
    uploadUrl: `${url}/api/v1/files/upload`,
    uploadUrlV2: `${url}/api/v2/files/upload`,
    urlEndpoint: state.urlEndpoint,
    dataDir,
    keys: state.keys,
    faults: state.faults,
    files: async () => state.files.list(),
    clearFiles: () => clearFiles(state),
    stats: () => structuredClone(state.stats),
    resetStats: () => Object.assign(state.stats, { requests: 0, uploads: 0, tokensUsed: [] }),
    setAccountDisabled: (disabled) => {
      state.accountDisabled = disabled
    },
    setStorageQuota: (bytes) => {
      state.storageQuota = bytes
    },
    resetRateLimits: () => state.rateLimiter.reset(),
    webhooks: {
      configure: (webhook) => state.webhooks.configure(webhook),
      deliveries: () => state.webhooks.deliveries(),
      settled: () => state.webhooks.settled(),
    },
    tempFiles: () => state.files.tempFiles(),
    stop: async () => {
      const closed = new Promise<void>((done) => server.close(() => done()))
      server.closeAllConnections()
      await Promise.allSettled([...state.inflight])
      await state.webhooks.close()
      await closed
      await state.files.close()
    },
  }
}

/** Start an ImageKit upload API emulator on a real HTTP server. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const dataDir = resolve(options.dataDir ?? defaultDataDir())
  mkdirSync(dataDir, { recursive: true })
  const state = createState(options, dataDir)
  const server = createServer({ requestTimeout: 0, headersTimeout: 60_000 }, createListener(state))
  const address = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1')
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  const url = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`
  state.urlEndpoint = (options.urlEndpoint ?? `${url}/ik`).replace(/\/+$/, '')
  state.servePrefix = new URL(state.urlEndpoint).pathname.replace(/\/+$/, '')
  return emulatorApi(state, server, url, dataDir)
}
