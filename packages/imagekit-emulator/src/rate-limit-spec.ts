import type { MediaEndpoint, RateLimits, RateLimitWindow } from './types.js'

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** `100/1s` → { limit: 100, intervalMs: 1000 } (units ms, s, m, h; none means ms). */
function parseWindow(text: string): RateLimitWindow {
  const match = /^(\d+)\/(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim())
  if (!match) throw new Error(`--rate-limit: "${text}" is not LIMIT/INTERVAL such as 100/1s or 1000/15m`)
  return { limit: Number(match[1]), intervalMs: Number(match[2]) * (UNIT_MS[match[3] ?? 'ms'] as number) }
}

/**
 * The CLI's `--rate-limit` values: `off`, `100/1s,1000/15m` (every endpoint) or
 * `getDetails=10/1s` (one endpoint; `=` with nothing after it turns that one off). Repeatable;
 * endpoint names are checked by startEmulator.
 */
export function parseRateLimitSpecs(specs: readonly string[]): RateLimits | false | undefined {
  if (specs.length === 0) return undefined
  if (specs.some((spec) => spec.trim() === 'off')) return false
  const limits: Record<string, RateLimitWindow[]> = {}
  for (const spec of specs) {
    const eq = spec.indexOf('=')
    const name = eq === -1 ? 'default' : spec.slice(0, eq).trim()
    const windows = eq === -1 ? spec : spec.slice(eq + 1)
    limits[name] = windows.trim() === '' ? [] : windows.split(',').map(parseWindow)
  }
  return limits as Partial<Record<MediaEndpoint | 'default', RateLimitWindow[]>>
}
