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

function addedText(prev: UploaderSnapshot, next: UploaderSnapshot, messages: ViewMessages): string | null {
  const known = new Set(prev.files.map((file) => file.id))
  const added = next.files.filter((file) => !known.has(file.id))
  if (added.length === 0) return null
  return viewText(messages, 'announceAdded', { count: added.length })
}

function failedTexts(prev: UploaderSnapshot, next: UploaderSnapshot, messages: ViewMessages): string[] {
  const before = new Map<string, FileState>(prev.files.map((file) => [file.id, file]))
  return next.files
    .filter((file) => file.status === 'error' && before.get(file.id)?.status !== 'error')
    .map((file) =>
      viewText(messages, 'announceError', { name: file.name, message: errorText(file.error, messages) }),
    )
}

function milestoneText(
  prev: UploaderSnapshot,
  next: UploaderSnapshot,
  messages: ViewMessages,
): string | null {
  if (!prev.isUploading || !next.isUploading) return null
  const reached = milestoneOf(next.totals.percent)
  if (reached <= milestoneOf(prev.totals.percent)) return null
  return viewText(messages, 'announceTotalProgress', { percent: reached })
}

const settled = (file: FileState | undefined) => file?.status === 'success' || file?.status === 'error'

/** Whether a file ended between the two snapshots (notifications are batched: a whole upload may fit between). */
function someEnded(prev: UploaderSnapshot, next: UploaderSnapshot): boolean {
  const before = new Map<string, FileState>(prev.files.map((file) => [file.id, file]))
  return next.files.some((file) => settled(file) && before.get(file.id)?.status !== file.status)
}

function completeText(prev: UploaderSnapshot, next: UploaderSnapshot, messages: ViewMessages): string | null {
  if (next.isUploading || !(prev.isUploading || someEnded(prev, next))) return null
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
 * so progress ticks never flood the screen reader.
 */
export function announcements(
  prev: UploaderSnapshot,
  next: UploaderSnapshot,
  messages: ViewMessages,
): string[] {
  if (prev === next) return []
  const texts = [addedText(prev, next, messages), ...failedTexts(prev, next, messages)]
  texts.push(offlineText(prev, next, messages), milestoneText(prev, next, messages))
  texts.push(completeText(prev, next, messages))
  return texts.filter((text): text is string => text !== null)
}
