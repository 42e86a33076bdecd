import { AuthEndpointError } from './errors.js'
import { hasControlChars } from './fields.js'

const SEGMENT = /^[\p{L}\p{M}\p{N}_.-]+$/u
const MAX_DEPTH = 50

function refuse(label: string, folder: string, why: string): never {
  const shown = JSON.stringify(folder.length > 80 ? `${folder.slice(0, 80)}…` : folder)
  throw new AuthEndpointError('INVALID_FOLDER', `${label}: folder ${shown} ${why}.`)
}

/**
 * Normalises an ImageKit folder to `/a/b` form (`/` for the root). Refuses `..` and `.` segments, control
 * characters, backslashes, drive letters, URLs, `~` and `//` prefixes, and characters ImageKit does not allow.
 */
export function normalizeFolder(folder: unknown, label = 'folder'): string {
  if (typeof folder !== 'string')
    throw new AuthEndpointError('INVALID_FIELD', `${label}: "folder" must be a string.`)
  if (hasControlChars(folder)) return refuse(label, folder, 'contains control characters')
  if (folder.includes('\\') || folder.includes(':') || folder.startsWith('//') || folder.startsWith('~')) {
    return refuse(label, folder, 'looks like an absolute or system path; use a path like "/users/42"')
  }
  const segments = folder.split('/').filter((segment) => segment !== '')
  for (const segment of segments) {
    if (segment === '.' || segment === '..')
      return refuse(label, folder, 'must not contain "." or ".." segments')
    if (!SEGMENT.test(segment)) {
      return refuse(label, folder, 'may only contain letters, digits, "_", "-", "." and "/"')
    }
  }
  if (segments.length > MAX_DEPTH) return refuse(label, folder, `is nested deeper than ${MAX_DEPTH} levels`)
  return `/${segments.join('/')}`
}

/** True when `folder` is `prefix` or inside it (both normalised). */
export function isWithinFolder(folder: string, prefix: string): boolean {
  return prefix === '/' || folder === prefix || folder.startsWith(`${prefix}/`)
}
