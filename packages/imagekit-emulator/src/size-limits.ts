import type { EmulatorState } from './state.js'
import type { Plan } from './types.js'

/** ImageKit sets one limit for videos and one for everything else (images, audio, raw files). */
export type SizeClass = 'video' | 'other'

const MB = 1024 * 1024

/**
 * Per-plan upload limits, from the "File size limit" note of `@imagekit/nodejs` 7.11.0
 * `src/resources/files/files.ts` (the newest source): free 25 MB for images, audio and raw files and
 * 100 MB for videos; Lite 40 MB / 300 MB; Pro 50 MB / 2 GB. (The 2024 OpenAPI spec said free
 * 20 MB / 100 MB, paid 40 MB / 2 GB; the GitBook docs 25 MB free, 300 MB paid video.) MB = 2^20 bytes
 * is our reading: no source says which megabyte.
 */
export const PLAN_LIMITS: Readonly<Record<Plan, Readonly<Record<SizeClass, number>>>> = {
  free: { other: 25 * MB, video: 100 * MB },
  lite: { other: 40 * MB, video: 300 * MB },
  pro: { other: 50 * MB, video: 2048 * MB },
}

export const PLANS = Object.keys(PLAN_LIMITS) as Plan[]

export function isPlan(value: unknown): value is Plan {
  return typeof value === 'string' && Object.hasOwn(PLAN_LIMITS, value)
}

/** The largest upload this emulator accepts for a file of this class: `maxFileSize` when set, else the plan's. */
export function sizeLimit(state: Pick<EmulatorState, 'plan' | 'maxFileSize'>, sizeClass: SizeClass): number {
  return state.maxFileSize ?? PLAN_LIMITS[state.plan][sizeClass]
}
