import { useEffect, useState } from 'react'
import { type DemoConfig, fetchDemoConfig } from './demo-config.js'

/** Loads /api/demo/config once; `error` is a readable message when the demo server is unreachable. */
export function useDemoConfig() {
  const [config, setConfig] = useState<DemoConfig | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    fetchDemoConfig().then(setConfig, (reason: unknown) => setError(String(reason)))
  }, [])
  return { config, setConfig, error }
}
