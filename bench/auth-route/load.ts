// The load generator: autocannon, in this process, against one server at a time.
import { type ChildProcess, spawn } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { PATH, POST_BODY, PRIVATE_KEY } from './shared.js'

export type Method = 'GET' | 'POST'
export type Kind = 'sdk-express' | 'upkit-express' | 'upkit-node'

export interface Sample {
  kind: Kind
  reqPerSec: number
  p99: number
  /** The server process's CPU time (user + system) per answered request, µs: less sensitive to other load. */
  cpuUs: number
  /** Answers that were not 2xx plus socket errors and timeouts; must be 0 for the sample to count. */
  failures: number
}

export interface Running {
  kind: Kind
  url: string
  child: ChildProcess
}

const SERVER = fileURLToPath(new URL('./server.js', import.meta.url))

/**
 * Starts `server.js <kind>` in its own process and waits for its port: plain node and Upkit's dist/ build,
 * or with `fromSource` through tsx (this process's loader) and the TypeScript sources.
 */
export function startServer(kind: Kind, fromSource: boolean): Promise<Running> {
  const args = fromSource ? [...process.execArgv, '--conditions=@upkit/source', SERVER, kind] : [SERVER, kind]
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const port = /listening (\d+)/.exec(out)?.[1]
      if (port !== undefined) resolve({ kind, url: `http://127.0.0.1:${port}${PATH}`, child })
    })
    child.once('exit', (code) => reject(new Error(`${kind} exited with ${code} before listening`)))
  })
}

function requestInit(method: Method): { method: Method; headers?: Record<string, string>; body?: string } {
  if (method === 'GET') return { method }
  return { method, headers: { 'content-type': 'application/json' }, body: POST_BODY }
}

/** One real request, checked: 200, the fields, and a signature that verifies with the private key. */
export async function check(server: Running, method: Method): Promise<void> {
  const response = await fetch(server.url, requestInit(method))
  const answer = (await response.json()) as { token: string; expire: number; signature: string }
  const expected = createHmac('sha1', PRIVATE_KEY).update(`${answer.token}${answer.expire}`).digest('hex')
  if (response.status !== 200 || answer.signature !== expected) {
    throw new Error(
      `${server.kind} ${method}: unexpected answer ${response.status} ${JSON.stringify(answer)}`,
    )
  }
}

const TICK_US = 1_000_000 / 100 // USER_HZ is 100 on Linux

/** CPU time the process has used so far (utime + stime from /proc/<pid>/stat), in µs. */
function cpuTimeUs(pid: number | undefined): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * TICK_US
}

/** Runs autocannon for `seconds` with `connections`: requests/s (mean of the seconds), p99 (ms), CPU per request. */
export async function measure(
  server: Running,
  method: Method,
  seconds: number,
  connections: number,
): Promise<Sample> {
  const cpuBefore = cpuTimeUs(server.child.pid)
  const result = await autocannon({ url: server.url, connections, duration: seconds, ...requestInit(method) })
  const cpuUs = (cpuTimeUs(server.child.pid) - cpuBefore) / Math.max(1, result.requests.total)
  return {
    kind: server.kind,
    reqPerSec: result.requests.average,
    p99: result.latency.p99,
    cpuUs,
    failures: result.non2xx + result.errors + result.timeouts,
  }
}
