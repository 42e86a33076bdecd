import type { ErrorFactory } from './localize.js'
import type { AddItem } from './uppy-bridge.js'

/** What the signing route refuses in a file name: slashes and control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
const UNSAFE = /[\u0000-\u001f\u007f/\\]/g

/**
 * `addUrl`'s arguments as a file entry, checked at the door. ImageKit takes `file` as "an http(s) URL
 * that ImageKit fetches" (upload API, `file` field: /work/shared/reference/imagekit-upload-api.md §1.2).
 * The name is the link's last path segment, decoded, cleaned as the signing route wants it (no slashes
 * or control characters, at most 255). The entry's Blob is empty: no bytes go through the browser.
 */
export function urlItem(url: unknown, name: unknown, makeError: ErrorFactory): AddItem & { url: string } {
  if (typeof url !== 'string' || (name !== undefined && typeof name !== 'string'))
    throw makeError('INVALID_INPUT', {}, { detail: `addUrl(url, name?) takes strings, got a ${typeof url}.` })
  let link: URL
  try {
    link = new URL(url.trim())
  } catch {
    throw makeError('INVALID_URL')
  }
  if (!/^https?:$/.test(link.protocol)) throw makeError('INVALID_URL')
  // ImageKit would receive the password with the link, and keep it wherever it logs the request
  if (link.username || link.password) throw makeError('INVALID_URL', { messageKey: 'urlCredentials' })
  let last = link.pathname.split('/').filter(Boolean).pop() ?? ''
  try {
    last = decodeURIComponent(last)
  } catch {} // a stray `%` stays as it is
  const clean = (name ?? last).replace(UNSAFE, '_').trim().slice(0, 255)
  return { data: new Blob([]), name: clean || 'file', url: link.href }
}
