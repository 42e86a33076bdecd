import type { FaultRule } from './emulator-api.js'

export interface FaultPreset {
  label: string
  rule(times: number): FaultRule
}

/** The fault panel's buttons; `times` is the panel's "next N uploads". */
export const FAULT_PRESETS: FaultPreset[] = [
  { label: 'Answer 503', rule: (times) => ({ times, action: { type: 'status', status: 503 } }) },
  {
    label: 'Rate-limit (429, 2 s reset)',
    rule: (times) => ({ times, action: { type: 'rate-limit', resetMs: 2000 } }),
  },
  {
    label: 'Cut the connection mid-upload',
    rule: (times) => ({ times, action: { type: 'cut', afterBytes: 1024 } }),
  },
  { label: 'Slow down (3 s latency)', rule: (times) => ({ times, action: { type: 'latency', ms: 3000 } }) },
  { label: 'Stall until cancelled', rule: (times) => ({ times, action: { type: 'stall' } }) },
  { label: 'Storage full', rule: () => ({ action: { type: 'storage-full' } }) },
]

function describeAction(rule: FaultRule): string {
  const { action } = rule
  switch (action.type) {
    case 'status':
      return `answer ${action.status}`
    case 'rate-limit':
      return `answer 429, reset after ${action.resetMs} ms`
    case 'cut':
      return `cut the connection after ${action.afterBytes} bytes`
    case 'stall':
      return action.ms ? `stall for ${action.ms} ms` : 'stall until the browser gives up'
    case 'latency':
      return `wait ${action.ms} ms first`
    case 'storage-full':
      return 'answer "storage full" (403)'
  }
}

export function describeFault(rule: FaultRule): string {
  const scope = rule.times ? `next ${rule.times} upload${rule.times === 1 ? '' : 's'}` : 'every upload'
  const file = rule.match?.fileName ? ` named like "${rule.match.fileName}"` : ''
  return `${scope}${file}: ${describeAction(rule)}`
}
