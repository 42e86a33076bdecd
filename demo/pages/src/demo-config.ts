import type { DemoConfig } from '../../src/server/demo-api.js'
import type { KeyAction } from '../../src/server/demo-keys.js'

export type { DemoConfig, KeyAction }

/** The demo server's answer to "where do I upload, with which key?" */
export async function fetchDemoConfig(): Promise<DemoConfig> {
  const response = await fetch('/api/demo/config', { cache: 'no-store' })
  if (!response.ok) throw new Error(`GET /api/demo/config answered ${response.status}`)
  return (await response.json()) as DemoConfig
}

export async function applyKeyAction(action: KeyAction): Promise<DemoConfig> {
  const response = await fetch('/api/demo/key', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action }),
  })
  if (!response.ok) throw new Error(`POST /api/demo/key answered ${response.status}`)
  return (await response.json()) as DemoConfig
}
