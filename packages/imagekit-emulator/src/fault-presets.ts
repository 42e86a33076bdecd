import { messages } from './messages.js'
import type { FaultAction } from './types.js'

/** The HTML a load balancer answers for a 5xx (the shape nginx gives; ImageKit's own app answers JSON). */
function gatewayPage(status: number, reason: string): string {
  return `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n</body>\r\n</html>\r\n`
}

const REASONS: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
}

/**
 * A 5xx from the gateway in front of ImageKit: an HTML page and no `x-ik-requestid` /
 * `x-request-id` (the ids come from ImageKit's app, which never saw the request). Add it as
 * `emu.faults.add({ action: gatewayErrorFault(502) })`, or POST the same action as JSON.
 */
export function gatewayErrorFault(status = 502): FaultAction {
  return {
    type: 'status',
    status,
    body: gatewayPage(status, REASONS[status] ?? 'Server Error'),
    headers: { 'Content-Type': 'text/html' },
    omitRequestId: true,
  }
}

/**
 * ImageKit's 202 for a queued video pre-transformation (OAS v1.0.0.yaml upload responses, 202:
 * `{ message: "The pre-transformation has been queued successfully." }`, no `help`), for any file.
 * Like every answering fault it stores nothing and sends no webhook: the processing never finishes.
 */
export function acceptedFault(): FaultAction {
  return {
    type: 'status',
    status: 202,
    body: JSON.stringify({ message: messages.preTransformationQueued }),
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  }
}

/**
 * The transient 400 of the OAS upload 400 list, "You have sent too many requests to update the file
 * recently. Please try again later.", as `{ message, help }`. The OAS gives it no headers (the
 * `X-RateLimit-*` ones belong to its 429 `RateLimitExceeded`), so none are sent.
 */
export function updateThrottledFault(): FaultAction {
  return { type: 'status', status: 400, message: messages.updateThrottled }
}

/** The presets by the name `POST /_emulator/faults { preset }` takes. */
export const FAULT_PRESETS = {
  accepted: acceptedFault,
  'update-throttled': updateThrottledFault,
  'gateway-error': () => gatewayErrorFault(),
} as const satisfies Record<string, () => FaultAction>

export type FaultPresetName = keyof typeof FAULT_PRESETS

/** The action of a named preset; throws a readable Error for any other name. */
export function presetFault(name: unknown): FaultAction {
  if (typeof name === 'string' && Object.hasOwn(FAULT_PRESETS, name)) {
    return FAULT_PRESETS[name as FaultPresetName]()
  }
  throw new Error(`preset must be one of ${Object.keys(FAULT_PRESETS).join(', ')}.`)
}
