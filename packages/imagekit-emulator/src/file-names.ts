import { invalidParam } from './api-error.js'
import { uniqueSuffix } from './ids.js'

export const MAX_FOLDER_DEPTH = 50
export const MAX_NAME_LENGTH = 1024

// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
const ABSOLUTE = /^(?:[/\\]|[A-Za-z]:)/

/**
 * ImageKit's fileName rule: letters (unicode too), marks, digits, `.` and `-` are kept, everything
 * else becomes `_`. Control characters, absolute paths and `..` segments are refused outright
 * (ImageKit's exact answer to those is not documented; the message is a guess).
 */
export function sanitizeFileName(raw: string): string {
  if (CONTROL.test(raw) || ABSOLUTE.test(raw) || raw.split(/[/\\]/).includes('..')) {
    throw invalidParam('fileName')
  }
  if (raw.length > MAX_NAME_LENGTH) throw invalidParam('fileName', 'The file name is too long.')
  const clean = raw.normalize('NFC').replace(/[^\p{L}\p{M}\p{N}.-]/gu, '_')
  if (clean === '' || /^\.+$/.test(clean)) throw invalidParam('fileName')
  return clean
}

/**
 * Normalise `folder` to ImageKit's `/a/b/` form. Kept: letters, marks, digits, `_`, `-`; other
 * characters become `_` (a guess, by analogy with fileName). Control characters, backslashes and
 * `.`/`..` segments are refused; more than 50 levels are refused.
 */
export function normalizeFolder(raw: string | undefined): string {
  if (raw === undefined) return '/'
  if (CONTROL.test(raw) || raw.includes('\\') || /^[A-Za-z]:/.test(raw)) throw invalidParam('folder')
  const segments = raw.split('/').filter((segment) => segment !== '')
  if (segments.some((segment) => segment === '.' || segment === '..')) throw invalidParam('folder')
  if (segments.length > MAX_FOLDER_DEPTH) {
    throw invalidParam('folder', `Folder nesting cannot be more than ${MAX_FOLDER_DEPTH} levels.`)
  }
  const clean = segments.map((segment) => segment.normalize('NFC').replace(/[^\p{L}\p{M}\p{N}_-]/gu, '_'))
  return clean.length === 0 ? '/' : `/${clean.join('/')}/`
}

/** `name.jpg` → `name_XXXXXXXXX.jpg` (nine URL-safe characters before the extension). */
export function withUniqueSuffix(name: string): string {
  const dot = name.lastIndexOf('.')
  if (dot <= 0) return `${name}_${uniqueSuffix()}`
  return `${name.slice(0, dot)}_${uniqueSuffix()}${name.slice(dot)}`
}
