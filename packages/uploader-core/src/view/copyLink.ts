import { type ViewMessages, viewText } from './strings.js'

/** What Copy link did: the URL is on the clipboard, or copying is not possible here. */
export type CopyOutcome = 'copied' | 'unavailable'

/** How long "Link copied" stays (ms); the fallback, which shows the link to select, stays. */
export const COPIED_NOTE_MS = 3000

/**
 * Puts `url` on the clipboard (`navigator.clipboard.writeText`). Resolves 'unavailable' where there is
 * no clipboard API (an http page, an old browser) or the browser refused; never rejects.
 */
export async function copyLink(url: string): Promise<CopyOutcome> {
  try {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard
    if (typeof clipboard?.writeText !== 'function') return 'unavailable'
    await clipboard.writeText(url)
    return 'copied'
  } catch {
    return 'unavailable'
  }
}

/** The row's note after Copy link: "Link copied", or the link itself to copy by hand. */
export function copyNote(outcome: CopyOutcome, url: string, messages: ViewMessages): string {
  return outcome === 'copied'
    ? viewText(messages, 'linkCopied')
    : viewText(messages, 'copyUnavailable', { url })
}
