import type { FaultPresetName, FaultRule, NewFaultRule } from './emulator-api.js'

export interface FaultPreset {
  label: string
  rule(times: number): NewFaultRule
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
  { label: 'Storage full', rule: (times) => ({ times, action: { type: 'storage-full' } }) },
  // ImageKit's 202 for a queued video pre-transformation, for any file: the widget shows it processing.
  { label: 'Accept and process later (202)', rule: (times) => ({ times, preset: 'accepted' }) },
  { label: 'Update throttled (400)', rule: (times) => ({ times, preset: 'update-throttled' }) },
]

const PRESET_TEXT: Record<FaultPresetName, string> = {
  accepted: 'answer 202 "queued", processed later',
  'update-throttled': 'answer 400 "too many requests to update the file"',
}

/** The emulator lists a preset by its action: a 202 is the accepted one. */
const STATUS_NOTES: Record<number, string> = { 202: ' "queued", processed later' }

function describeAction(rule: FaultRule): string {
  const { action } = rule
  switch (action.type) {
    case 'status':
      return `answer ${action.status}${STATUS_NOTES[action.status] ?? ''}`
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

export function describeFault(rule: NewFaultRule): string {
  const scope = rule.times ? `next ${rule.times} upload${rule.times === 1 ? '' : 's'}` : 'every upload'
  const file = rule.match?.fileName ? ` named like "${rule.match.fileName}"` : ''
  return `${scope}${file}: ${'preset' in rule ? PRESET_TEXT[rule.preset] : describeAction(rule)}`
}
