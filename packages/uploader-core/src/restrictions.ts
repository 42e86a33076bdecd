import { formatBytes } from './format-bytes.js'
import type { ErrorFactory } from './localize.js'
import type { Restrictions, UploadErrorCode } from './types.js'
import type { UploadError } from './upload-error.js'

/**
 * Uppy's restriction messages, replaced by our codes: a RestrictionError's `message` is then the
 * code itself, so mapping does not depend on Uppy's English text (pinned in uppy-contract.test.ts).
 */
export const uppyRestrictionStrings = {
  exceedsSize: 'FILE_TOO_LARGE',
  inferiorSize: 'FILE_TOO_SMALL',
  aggregateExceedsSize: 'TOTAL_SIZE_EXCEEDED',
  youCanOnlyUploadFileTypes: 'FILE_TYPE_NOT_ALLOWED',
  youCanOnlyUploadX: { 0: 'TOO_MANY_FILES', 1: 'TOO_MANY_FILES' },
  noDuplicates: 'DUPLICATE_FILE',
} as const

const KNOWN = new Set<string>(
  Object.values(uppyRestrictionStrings).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v))),
)

/** A coded, localised error for an Uppy RestrictionError (or anything else Uppy threw). */
export function restrictionError(
  cause: unknown,
  file: { name: string; size: number },
  r: Restrictions,
  makeError: ErrorFactory,
): UploadError {
  const message = cause instanceof Error ? cause.message : ''
  const code = (KNOWN.has(message) ? message : 'VALIDATION_FAILED') as UploadErrorCode
  return makeError(
    code,
    { cause },
    {
      name: file.name,
      size: formatBytes(file.size),
      max: code === 'TOO_MANY_FILES' ? (r.maxNumberOfFiles ?? 0) : formatBytes(limitFor(code, r)),
      min: formatBytes(r.minFileSize ?? 0),
      types: (r.allowedFileTypes ?? []).join(', '),
      reason: message,
    },
  )
}

function limitFor(code: UploadErrorCode, r: Restrictions): number {
  return (code === 'TOTAL_SIZE_EXCEEDED' ? r.maxTotalFileSize : r.maxFileSize) ?? 0
}

/** Runs the app's async `validate(file)`; resolves to an error, or undefined when the file may go. */
export async function runValidate(
  data: File | Blob,
  name: string,
  r: Restrictions,
  makeError: ErrorFactory,
): Promise<UploadError | undefined> {
  if (!r.validate) return undefined
  let verdict: boolean | string | undefined
  try {
    verdict = await r.validate(data)
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    return makeError('VALIDATION_FAILED', { cause }, { name, reason })
  }
  if (verdict === undefined || verdict === true) return undefined
  return makeError('VALIDATION_FAILED', {}, { name, reason: typeof verdict === 'string' ? verdict : '' })
}
