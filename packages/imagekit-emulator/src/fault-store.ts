import { randomBytes } from 'node:crypto'
import type { ActiveFault, FaultAction, FaultRule } from './types.js'

export type UploadPath = 'v1' | 'v2'

const ACTIONS = new Set(['status', 'rate-limit', 'cut', 'stall', 'latency', 'storage-full'])

function isCount(value: unknown, min = 0): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= min
}

/** Check a rule (for rules that arrive as JSON over HTTP). Throws a readable Error. */
export function validateFaultRule(input: unknown): FaultRule {
  if (!input || typeof input !== 'object') throw new Error('A fault rule must be a JSON object.')
  const rule = input as FaultRule
  const action = rule.action as FaultAction | undefined
  if (!action || typeof action !== 'object' || !ACTIONS.has(action.type)) {
    throw new Error(`action.type must be one of ${[...ACTIONS].join(', ')}.`)
  }
  const bad = (field: string) => new Error(`action.${field} is missing or invalid.`)
  if (action.type === 'status' && !(isCount(action.status, 100) && action.status <= 599)) throw bad('status')
  if (
    action.type === 'status' &&
    action.omitRequestId !== undefined &&
    typeof action.omitRequestId !== 'boolean'
  ) {
    throw bad('omitRequestId')
  }
  if (action.type === 'rate-limit' && !isCount(action.resetMs)) throw bad('resetMs')
  if (action.type === 'cut' && !isCount(action.afterBytes)) throw bad('afterBytes')
  if (action.type === 'latency' && !isCount(action.ms)) throw bad('ms')
  if (action.type === 'stall' && action.ms !== undefined && !isCount(action.ms)) throw bad('ms')
  if (rule.times !== undefined && !isCount(rule.times, 1)) throw new Error('times must be a number ≥ 1.')
  if (rule.skip !== undefined && !isCount(rule.skip)) throw new Error('skip must be a number ≥ 0.')
  const match = rule.match
  if (match !== undefined && (typeof match !== 'object' || match === null)) {
    throw new Error('match must be an object.')
  }
  if (match?.fileName !== undefined && typeof match.fileName !== 'string') {
    throw new Error('match.fileName must be a string.')
  }
  if (match?.path !== undefined && !['v1', 'v2', 'any'].includes(match.path)) {
    throw new Error("match.path must be 'v1', 'v2' or 'any'.")
  }
  return rule
}

/** Injected faults: rules matched against upload requests, in the order they were added. */
export class FaultStore {
  #rules: ActiveFault[] = []

  add(rule: FaultRule): string {
    validateFaultRule(rule)
    const id = randomBytes(6).toString('hex')
    this.#rules.push({ ...structuredClone(rule), id, hits: 0, seen: 0 })
    return id
  }

  remove(id: string): boolean {
    const before = this.#rules.length
    this.#rules = this.#rules.filter((rule) => rule.id !== id)
    return this.#rules.length !== before
  }

  clear(): void {
    this.#rules = []
  }

  list(): ActiveFault[] {
    return this.#rules.map((rule) => structuredClone(rule))
  }

  /**
   * Take the first rule matching this request. Rules without `match.fileName` are taken when the
   * request arrives (`fileName` undefined); rules with one are taken once the name is known.
   */
  take(path: UploadPath, fileName: string | undefined): FaultAction | undefined {
    const rule = this.#rules.find((candidate) => matches(candidate, path, fileName))
    if (!rule) return undefined
    rule.seen++
    if (rule.seen <= (rule.skip ?? 0)) return undefined
    rule.hits++
    if (rule.times !== undefined && rule.hits >= rule.times) this.remove(rule.id)
    return rule.action
  }
}

function matches(rule: ActiveFault, path: UploadPath, fileName: string | undefined): boolean {
  const wantPath = rule.match?.path ?? 'any'
  if (wantPath !== 'any' && wantPath !== path) return false
  const wantName = rule.match?.fileName
  if (fileName === undefined) return wantName === undefined
  return wantName !== undefined && fileName.includes(wantName)
}
