import express, { type Router } from 'express'
import type { DemoKeys, KeyAction, KeyState, SigningKey } from './demo-keys.js'
import { demoUser, userFolder } from './signing-route.js'

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

const KEY_ACTIONS: readonly KeyAction[] = ['roll-expire', 'read-only', 'restore']

function isKeyAction(value: unknown): value is KeyAction {
  return typeof value === 'string' && (KEY_ACTIONS as readonly string[]).includes(value)
}

/** GET /api/demo/config for the pages; POST /api/demo/key for the fault panel's key scenarios. */
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
    try {
      await backend.keys.apply(action)
      res.set('Cache-Control', 'no-store').json(config(req.headers.cookie))
    } catch (error) {
      res.status(500).json({ code: 'KEY_ACTION_FAILED', message: String(error) })
    }
  })
  return router
}
