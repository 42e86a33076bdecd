import type { IncomingMessage, ServerResponse } from 'node:http'
import { ApiError, badRequest } from './api-error.js'
import { clearFiles } from './clear-files.js'
import { presetFault } from './fault-presets.js'
import { validateFaultRule } from './fault-store.js'
import { sendError, sendJson } from './http-response.js'
import { isPlainObject, readJsonBody } from './json-body.js'
import { KeyRuleError } from './key-rules.js'
import { messages } from './messages.js'
import type { EmulatorState } from './state.js'
import type { KeyPairInit } from './types.js'

const BODY_RULES = {
  maxBytes: 64 * 1024,
  tooLarge: 'The request body is too large.',
  invalid: 'The request body must be a JSON object.',
}

/** Read a small JSON object body (empty body → {}). */
async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const value = (await readJsonBody(req, BODY_RULES)) ?? {}
  if (!isPlainObject(value)) throw badRequest(BODY_RULES.invalid)
  return value
}

/** Run an operation that throws plain Errors for refusals (key rules, fault rules) as a 400; key rules keep their code. */
function attempt<T>(operation: () => T): T {
  try {
    return operation()
  } catch (error) {
    if (error instanceof ApiError) throw error
    if (error instanceof KeyRuleError) throw badRequest(error.message, { code: error.code })
    throw badRequest(error instanceof Error ? error.message : String(error))
  }
}

/** A rule as POSTed: an `action`, or a `preset` name standing for one (`acceptedFault()`…). */
function faultRuleOf(body: Record<string, unknown>): unknown {
  if (body.preset === undefined) return body
  if (body.action !== undefined) throw new Error('Send either action or preset, not both.')
  const { preset, ...rule } = body
  return { ...rule, action: presetFault(preset) }
}

type Handler = (req: IncomingMessage, state: EmulatorState, param: string) => Promise<unknown> | unknown

const routes: Record<string, Handler> = {
  'GET /faults': (_req, state) => state.faults.list(),
  'POST /faults': async (req, state) => {
    const body = await readJson(req)
    return { id: attempt(() => state.faults.add(validateFaultRule(faultRuleOf(body)))) }
  },
  'DELETE /faults': (_req, state) => {
    state.faults.clear()
    return { ok: true }
  },
  'DELETE /faults/:id': (_req, state, id) => ({ ok: state.faults.remove(id) }),
  'GET /files': (_req, state) => state.files.list(),
  'DELETE /files': async (_req, state) => {
    await clearFiles(state)
    return { ok: true }
  },
  'GET /stats': (_req, state) => structuredClone(state.stats),
  'POST /stats/reset': (_req, state) => {
    Object.assign(state.stats, { requests: 0, uploads: 0, tokensUsed: [] })
    return { ok: true }
  },
  'GET /keys': (_req, state) => state.keys.list(),
  'POST /keys': async (req, state) => {
    const body = (await readJson(req)) as KeyPairInit
    return attempt(() => state.keys.add(body))
  },
  'POST /keys/:id/roll': async (req, state, publicKey) => {
    const { expiresInMs } = await readJson(req)
    if (expiresInMs !== undefined && typeof expiresInMs !== 'number')
      throw badRequest('expiresInMs must be a number.')
    return attempt(() => state.keys.roll(publicKey, expiresInMs === undefined ? {} : { expiresInMs }))
  },
  'DELETE /keys/:id': (_req, state, publicKey) => {
    attempt(() => state.keys.remove(publicKey))
    return { ok: true }
  },
  'POST /account': async (req, state) => {
    const { disabled } = await readJson(req)
    if (typeof disabled !== 'boolean') throw badRequest('disabled must be a boolean.')
    state.accountDisabled = disabled
    return { disabled }
  },
  'POST /rate-limits/reset': (_req, state) => {
    state.rateLimiter.reset()
    return { ok: true }
  },
  'GET /webhooks': (_req, state) => state.webhooks.deliveries(),
  'POST /webhooks': async (req, state) => {
    const { url, secret } = await readJson(req)
    if (url === null) {
      state.webhooks.configure(undefined)
      return { url: null }
    }
    if (typeof url !== 'string' || typeof secret !== 'string') {
      throw badRequest('Send { url, secret } to send webhooks there, or { url: null } to stop.')
    }
    attempt(() => state.webhooks.configure({ url, secret }))
    return { url }
  },
  'POST /quota': async (req, state) => {
    const { bytes } = await readJson(req)
    if (bytes !== null && bytes !== undefined && !(typeof bytes === 'number' && bytes >= 0)) {
      throw badRequest('bytes must be a number ≥ 0, or null for no quota.')
    }
    state.storageQuota = typeof bytes === 'number' ? bytes : Number.POSITIVE_INFINITY
    return { bytes: Number.isFinite(state.storageQuota) ? state.storageQuota : null }
  },
}

/** Find the route for `/_emulator<rest>`: exact first, then one `:id` segment. */
function findRoute(method: string, rest: string): { handler: Handler; param: string } | undefined {
  const exact = routes[`${method} ${rest}`]
  if (exact) return { handler: exact, param: '' }
  const match = /^\/(faults|keys)\/([^/]+)(\/roll)?$/.exec(rest)
  if (!match?.[2]) return undefined
  const handler = routes[`${method} /${match[1]}/:id${match[3] ?? ''}`]
  return handler ? { handler, param: decodeURIComponent(match[2]) } : undefined
}

/** The /_emulator/* HTTP mirror of the emulator's test API (for the demo and e2e). */
export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  state: EmulatorState,
  rest: string,
): Promise<void> {
  try {
    const route = findRoute(req.method ?? 'GET', rest)
    if (!route) throw new ApiError(404, messages.notFound)
    sendJson(res, 200, await route.handler(req, state, route.param))
  } catch (error) {
    sendError(res, error instanceof URIError ? badRequest('Malformed URL.') : error)
  }
}
