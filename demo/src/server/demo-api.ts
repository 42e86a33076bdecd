import express, { type Response, type Router } from 'express'
import type { DemoKeys, KeyAction, KeyState, SigningKey } from './demo-keys.js'
import { DEMO_MAX_FILE_SIZE, demoUser, userFolder } from './signing-route.js'

/** What the pages need to know to upload: answered by GET /api/demo/config. */
export interface DemoConfig {
  mode: 'emulator' | 'imagekit'
  publicKey: string
  /** Where the browser posts files: the emulator's v1 upload URL, or ImageKit's. */
  uploadEndpoint: string
  urlEndpoint: string
  /** The emulator's base URL (its `/_emulator/*` API); `null` with a real ImageKit account. */
  emulatorUrl: string | null
  user: string
  folder: string
  keyState: KeyState
  /** The largest file the signing route signs (bytes): the emulator's own limit, see DEMO_MAX_FILE_SIZE. */
  maxFileSize: number
}

export interface DemoBackend {
  mode: DemoConfig['mode']
  activeKey(): SigningKey
  keyState(): KeyState
  uploadEndpoint: string
  urlEndpoint: string
  emulatorUrl: string | null
  keys: DemoKeys | null
}

const KEY_ACTIONS: readonly KeyAction[] = ['roll-expire', 'use-new-key', 'read-only', 'restore']

function isKeyAction(value: unknown): value is KeyAction {
  return typeof value === 'string' && (KEY_ACTIONS as readonly string[]).includes(value)
}

interface MediaAnswer {
  status: number
  body: unknown
}

/**
 * One call to the emulator's media API (ImageKit's `/v1/files…`), server side: Basic auth with the
 * private key the demo signs with, so the key scenarios show what an app's key may do, and the
 * private key never reaches a page.
 */
async function media(
  backend: DemoBackend,
  method: string,
  path: string,
  body?: unknown,
): Promise<MediaAnswer> {
  const headers: Record<string, string> = {
    authorization: `Basic ${Buffer.from(`${backend.activeKey().privateKey}:`).toString('base64')}`,
  }
  const init: RequestInit = { method, headers }
  if (body !== undefined) {
    headers['content-type'] = 'application/json'
    init.body = JSON.stringify(body)
  }
  const response = await fetch(`${backend.emulatorUrl}${path}`, init)
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}

/** Clear the gallery the way an app would: list (1000 at a time), then bulk delete (100 at a time). */
async function clearFiles(backend: DemoBackend): Promise<MediaAnswer> {
  let deleted = 0
  for (;;) {
    const listed = await media(backend, 'GET', '/v1/files?limit=1000')
    if (listed.status !== 200) return listed
    const ids = (listed.body as { fileId: string }[]).map((file) => file.fileId)
    if (ids.length === 0) return { status: 200, body: { deleted } }
    for (let at = 0; at < ids.length; at += 100) {
      const fileIds = ids.slice(at, at + 100)
      const answer = await media(backend, 'POST', '/v1/files/batch/deleteByFileIds', { fileIds })
      if (answer.status !== 200) return answer
      deleted += fileIds.length
    }
  }
}

/** /api/demo/files: the gallery's list and delete, and the fault panel's "clear", over the media API. */
function filesRoutes(router: Router, backend: DemoBackend): void {
  const send = (res: Response, answer: MediaAnswer) => {
    res.set('Cache-Control', 'no-store').status(answer.status)
    if (answer.body === null) res.end()
    else res.json(answer.body)
  }
  router.use('/files', (_req, res, next) => {
    if (backend.emulatorUrl) return next()
    res.status(409).json({ code: 'REAL_IMAGEKIT', message: 'The gallery lists the local emulator only.' })
  })
  router.get('/files', async (_req, res) =>
    send(res, await media(backend, 'GET', '/v1/files?sort=DESC_CREATED')),
  )
  router.delete('/files', async (_req, res) => send(res, await clearFiles(backend)))
  router.delete('/files/:fileId', async (req, res) => {
    send(res, await media(backend, 'DELETE', `/v1/files/${encodeURIComponent(req.params.fileId)}`))
  })
}

/**
 * GET /api/demo/config for the pages; POST /api/demo/key for the fault panel's key scenarios;
 * /api/demo/files for the gallery (see filesRoutes).
 */
export function demoApi(backend: DemoBackend): Router {
  const router = express.Router()
  const config = (cookie: string | undefined): DemoConfig => {
    const user = demoUser(cookie ?? null)
    return {
      mode: backend.mode,
      publicKey: backend.activeKey().publicKey,
      uploadEndpoint: backend.uploadEndpoint,
      urlEndpoint: backend.urlEndpoint,
      emulatorUrl: backend.emulatorUrl,
      user,
      folder: userFolder(user),
      keyState: backend.keyState(),
      maxFileSize: DEMO_MAX_FILE_SIZE,
    }
  }
  router.get('/config', (req, res) => {
    res.set('Cache-Control', 'no-store').json(config(req.headers.cookie))
  })
  router.post('/key', express.json(), async (req, res) => {
    const action: unknown = req.body?.action
    if (!backend.keys) {
      res.status(409).json({ code: 'REAL_IMAGEKIT', message: 'Key scenarios need the local emulator.' })
      return
    }
    if (!isKeyAction(action)) {
      res.status(400).json({ code: 'BAD_ACTION', message: `action must be one of ${KEY_ACTIONS.join(', ')}` })
      return
    }
    if (action === 'use-new-key' && backend.keyState() !== 'rolled-expired') {
      res.status(409).json({ code: 'NOT_ROLLED', message: 'use-new-key follows roll-expire.' })
      return
    }
    try {
      await backend.keys.apply(action)
      res.set('Cache-Control', 'no-store').json(config(req.headers.cookie))
    } catch (error) {
      res.status(500).json({ code: 'KEY_ACTION_FAILED', message: String(error) })
    }
  })
  filesRoutes(router, backend)
  return router
}
