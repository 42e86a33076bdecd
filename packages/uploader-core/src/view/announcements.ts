import type { FileState, UploaderSnapshot } from '../types.js'
import { errorText } from './errorText.js'
import { type ViewMessages, viewText } from './strings.js'

/** Total-progress milestones announced to screen readers (percent). */
export const MILESTONES: readonly number[] = [25, 50, 75]

function milestoneOf(percent: number): number {
  let reached = 0
  for (const step of MILESTONES) if (percent >= step) reached = step
  return reached
}

/**
 * Each file of `next` with its state in `prev` (undefined: added). Files keep their order and new
 * ones come last, so one walk by pointer pairs them; a lookup table only when a file was removed.
 */
function pairs(prev: readonly FileState[], next: readonly FileState[]): Array<FileState | undefined> {
  let j = 0
  let byId: Map<string, FileState> | undefined
  return next.map((file) => {
    if (!byId && prev[j]?.id === file.id) return prev[j++]
    if (!byId && j >= prev.length) return undefined
    byId ??= new Map(prev.map((before) => [before.id, before]))
    return byId.get(file.id)
  })
}

/**
 * Files added in the changes just before: the engine takes a long list in over several changes
 * (slices), which are announced as one growing count ("10000 files added.", not the last slice's).
 */
export interface AddedRun {
  count: number
  /** When files were last added (ms). */
  at: number
}

/** A pause longer than this between additions starts a new count. */
const RUN_GAP_MS = 1000

/** Files added, and files that failed since `prev` (`befores`: see `pairs`). */
function fileTexts(
  next: UploaderSnapshot,
  befores: ReadonlyArray<FileState | undefined>,
  messages: ViewMessages,
  run: AddedRun,
): string[] {
  const added = befores.filter((before) => !before).length
  const texts: string[] = []
  if (added > 0) {
    const now = Date.now()
    run.count = (now - run.at > RUN_GAP_MS ? 0 : run.count) + added
    run.at = now
    texts.push(viewText(messages, 'announceAdded', { count: run.count }))
  }
  next.files.forEach((file, i) => {
    if (file.status === 'error' && befores[i]?.status !== 'error')
      texts.push(
        viewText(messages, 'announceError', { name: file.name, message: errorText(file.error, messages) }),
      )
  })
  return texts
}

function milestoneText(
  prev: UploaderSnapshot,
  next: UploaderSnapshot,
  messages: ViewMessages,
): string | null {
  // A retry sends a file again, so the total drops and climbs: a milestone then would not be news.
  if (!prev.isUploading || !next.isUploading || next.counts.retrying > 0) return null
  const reached = milestoneOf(next.totals.percent)
  if (reached <= milestoneOf(prev.totals.percent)) return null
  return viewText(messages, 'announceTotalProgress', { percent: reached })
}

const settled = (file: FileState | undefined) => file?.status === 'success' || file?.status === 'error'

function completeText(
  prev: UploaderSnapshot,
  next: UploaderSnapshot,
  befores: ReadonlyArray<FileState | undefined>,
  messages: ViewMessages,
): string | null {
  // Notifications are batched: a whole upload may fit between two snapshots.
  const ended = () => next.files.some((file, i) => settled(file) && befores[i]?.status !== file.status)
  if (next.isUploading || !(prev.isUploading || ended())) return null
  const { success, error } = next.counts
  if (success + error === 0) return null
  return viewText(messages, 'announceComplete', { successful: success, failed: error })
}

function offlineText(prev: UploaderSnapshot, next: UploaderSnapshot, messages: ViewMessages): string | null {
  return prev.online && !next.online ? viewText(messages, 'offline') : null
}

/**
 * What the polite live region should say for one snapshot change: files added, files that failed,
 * going offline, total-progress milestones (25/50/75 %), and completion. Empty when nothing is worth saying,
 * so progress ticks never flood the screen reader. Pass the same `run` for a widget's whole stream of
 * snapshots (it is updated), so files added in slices are counted together.
 */
export function announcements(
  prev: UploaderSnapshot,
  next: UploaderSnapshot,
  messages: ViewMessages,
  run: AddedRun = { count: 0, at: Number.NEGATIVE_INFINITY },
): string[] {
  if (prev === next) return []
  const befores = prev.files === next.files ? next.files : pairs(prev.files, next.files)
  const texts: Array<string | null> = fileTexts(next, befores, messages, run)
  texts.push(offlineText(prev, next, messages), milestoneText(prev, next, messages))
  texts.push(completeText(prev, next, befores, messages))
  return texts.filter((text): text is string => text !== null)
}
