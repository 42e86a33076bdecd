/**
 * One route process for the Redis test: the node adapter with a Redis rate-limit store over its own client
 * (`node-redis` or `ioredis`, from argv), listening on a free port that it prints as `PORT <n>`.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Redis } from 'ioredis'
import { createClient } from 'redis'
import { createNodeListener } from '../../src/node.js'
import { RedisRateLimitStore } from '../../src/redis.js'

const [kind, url] = process.argv.slice(2)
if (url === undefined) throw new Error('usage: route-process.ts <node-redis|ioredis> <redis url>')
const client = kind === 'ioredis' ? new Redis(url) : await createClient({ url }).connect()
const store = new RedisRateLimitStore(client)
const listener = createNodeListener({
  publicKey: 'public_RouteProcess0123=',
  privateKey: 'private_RouteProcessSecret_0123=',
  authorize: (request) => request.headers.get('x-user'),
  rateLimit: { limit: 100, intervalMs: 60_000, store },
})
const server = createServer(listener).listen(0, '127.0.0.1', () => {
  process.stdout.write(`PORT ${(server.address() as AddressInfo).port}\n`)
})
process.on('SIGTERM', () => {
  server.close()
  void client.quit().finally(() => process.exit(0))
})
