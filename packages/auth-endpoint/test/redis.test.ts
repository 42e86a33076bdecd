import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { Redis } from 'ioredis'
import { createClient } from 'redis'
import { createClient as createClient4 } from 'redis4'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AuthEndpointError } from '../src/index.js'
import { RedisRateLimitStore } from '../src/redis.js'
import { hasRedisServer, type RunningRedis, startRedisServer } from './support/redis-server.js'

interface Client {
  store: RedisRateLimitStore
  flushScripts(): Promise<unknown>
  close(): Promise<unknown>
}

const CLIENTS: [string, (url: string) => Promise<Client>][] = [
  [
    'node-redis v5',
    async (url) => {
      const client = await createClient({ url }).connect()
      return {
        store: new RedisRateLimitStore(client),
        flushScripts: () => client.scriptFlush(),
        close: () => client.quit(),
      }
    },
  ],
  [
    'node-redis v4',
    async (url) => {
      const client = createClient4({ url })
      await client.connect()
      return {
        store: new RedisRateLimitStore(client),
        flushScripts: () => client.scriptFlush(),
        close: () => client.quit(),
      }
    },
  ],
  [
    'ioredis',
    async (url) => {
      const client = new Redis(url)
      return {
        store: new RedisRateLimitStore(client),
        flushScripts: () => client.script('FLUSH'),
        close: () => client.quit(),
      }
    },
  ],
]

const available = hasRedisServer()
let redis: RunningRedis
beforeAll(async () => {
  if (available) redis = await startRedisServer()
})
afterAll(() => redis?.stop())

describe.runIf(available).each(CLIENTS)('RedisRateLimitStore with %s', (name, connect) => {
  let client: Client
  beforeAll(async () => {
    client = await connect(redis.url)
  })
  afterAll(() => client.close())

  it('counts hits in a fixed window that starts at the first one, and answers the ms left', async () => {
    const key = `window-${name}`
    const first = await client.store.hit(key, 60_000)
    expect(first.count).toBe(1)
    expect(first.resetMs).toBeGreaterThan(59_000)
    expect(first.resetMs).toBeLessThanOrEqual(60_000)
    expect((await client.store.hit(key, 60_000)).count).toBe(2)
  })

  it('is atomic: 200 concurrent hits get the counts 1 to 200, each once', async () => {
    const hits = await Promise.all(
      Array.from({ length: 200 }, () => client.store.hit(`burst-${name}`, 60_000)),
    )
    expect(hits.map((hit) => hit.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 200 }, (_, i) => i + 1),
    )
  })

  it('starts a new window once the old one expires', async () => {
    const key = `expiry-${name}`
    await client.store.hit(key, 100)
    await client.store.hit(key, 100)
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect((await client.store.hit(key, 100)).count).toBe(1)
  })

  it('loads the script again when Redis forgot it (SCRIPT FLUSH, a restart)', async () => {
    await client.store.hit(`flush-${name}`, 60_000)
    await client.flushScripts()
    expect((await client.store.hit(`flush-${name}`, 60_000)).count).toBe(2)
  })
})

describe('RedisRateLimitStore options', () => {
  it('refuses anything that is neither a node-redis nor an ioredis client', () => {
    expect(() => new RedisRateLimitStore({} as never)).toThrow(AuthEndpointError)
    expect(() => new RedisRateLimitStore(null as never)).toThrow(/node-redis client/)
  })
})

/** A route process (the node adapter, its own Redis client) on a free port. */
async function routeProcess(kind: 'node-redis' | 'ioredis'): Promise<{ url: string; child: ChildProcess }> {
  const script = fileURLToPath(new URL('./support/route-process.ts', import.meta.url))
  const child = spawn(process.execPath, ['--import', 'tsx', script, kind, redis.url], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const port = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /PORT (\d+)/.exec(output)
      if (match?.[1]) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`route process exited (${code})`)))
  })
  return { url: `http://127.0.0.1:${port}`, child }
}

describe.runIf(available)('two route processes, one Redis', () => {
  it('share one limit exactly: 100 per minute is 100 signatures in all across both, then 429s', async () => {
    const routes = await Promise.all([routeProcess('node-redis'), routeProcess('ioredis')])
    try {
      const ask = (index: number) =>
        fetch(routes[index % 2]?.url ?? '', { headers: { 'x-user': 'shared-user' } }).then(
          async (response) => {
            await response.text()
            return response.status
          },
        )
      const statuses = await Promise.all(Array.from({ length: 150 }, (_, index) => ask(index)))
      expect(statuses.filter((status) => status === 200)).toHaveLength(100)
      expect(statuses.filter((status) => status === 429)).toHaveLength(50)
      const perProcess = [0, 1].map(
        (side) => statuses.filter((status, index) => index % 2 === side && status === 200).length,
      )
      expect(perProcess[0]).toBeGreaterThan(0)
      expect(perProcess[1]).toBeGreaterThan(0)
      const other = await fetch(routes[0]?.url ?? '', { headers: { 'x-user': 'someone-else' } })
      expect(other.status).toBe(200)
    } finally {
      await Promise.all(
        routes.map(({ child }) => {
          const exited = new Promise((resolve) => child.once('exit', resolve))
          child.kill('SIGTERM')
          return exited
        }),
      )
    }
  }, 30_000)
})
