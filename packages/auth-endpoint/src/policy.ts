import type { FileDescription } from './describe.js'
import { AuthEndpointError } from './errors.js'
import { DEFAULT_ALLOWED_FIELDS, type UploadField } from './fields.js'
import { isWithinFolder, normalizeFolder } from './folder.js'
import type { AnyAuthHandlerOptions, Identity } from './types.js'

/** What the server decided for one file. */
export interface UploadDecision {
  /** Fields the server chose (e.g. a forced folder): the V1 `params`. */
  forced: Record<string, string>
  /** Every field the upload form carries, all strings: the V2 `params` the JWT binds. */
  params: Record<string, string>
}

export interface CompiledPolicy {
  maxFiles: number
  forcedFolder(identity: Identity | null): Promise<string | undefined>
  check(file: FileDescription, forcedFolder: string | undefined): UploadDecision
  /** True when ImageKit's `filePath` lies where this caller may upload: in the forced and an allowed folder. */
  holds(filePath: string, forcedFolder: string | undefined): boolean
}

function optionError(message: string): AuthEndpointError {
  return new AuthEndpointError('INVALID_OPTIONS', `@upkit/auth-endpoint: ${message}`)
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const

/**
 * A size for route messages ("a.png is 30 MB; the largest file allowed is 25 MB"), in the widgets'
 * convention (uploader-core `format-bytes.ts`): decimal units through `Intl.NumberFormat`, so
 * 20,000,000 bytes read "20 MB" and 33 bytes "33 bytes".
 */
export function formatBytes(bytes: number): string {
  let value = Number.isFinite(bytes) ? Math.max(0, bytes) : 0
  let unit = 0
  while (value >= 999.5 && unit < BYTE_UNITS.length - 1) {
    value /= 1000
    unit++
  }
  return new Intl.NumberFormat('en', {
    style: 'unit',
    unit: BYTE_UNITS[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 || value >= 100 ? 0 : 1,
  }).format(value)
}

function matchesType(type: string, pattern: string): boolean {
  if (pattern === '*' || pattern === '*/*') return true
  return pattern.endsWith('/*') ? type.startsWith(pattern.slice(0, -1)) : type === pattern
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot <= 0 ? '' : fileName.slice(dot + 1).toLowerCase()
}

function list(values: readonly string[] | undefined, what: string): readonly string[] | undefined {
  if (values === undefined) return undefined
  if (!Array.isArray(values) || values.some((value) => typeof value !== 'string')) {
    throw optionError(`policy.${what} must be an array of strings.`)
  }
  return values
}

function positive(value: number | undefined, what: string, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !(value > 0) || !Number.isSafeInteger(value)) {
    throw optionError(`policy.${what} must be a positive whole number.`)
  }
  return value
}

function flag(value: boolean | undefined, what: string): boolean {
  if (value !== undefined && typeof value !== 'boolean')
    throw optionError(`policy.${what} must be true or false.`)
  return value ?? false
}

function resolveFolder(
  file: FileDescription,
  forced: string | undefined,
  allowed: readonly string[] | undefined,
) {
  const folder = file.folder ?? forced
  if (forced !== undefined && !isWithinFolder(folder ?? forced, forced)) {
    throw new AuthEndpointError(
      'FOLDER_NOT_ALLOWED',
      `${file.label}: folder "${file.folder}" is outside your upload folder "${forced}".`,
    )
  }
  if (allowed !== undefined && !allowed.some((prefix) => isWithinFolder(folder ?? '/', prefix))) {
    throw new AuthEndpointError(
      'FOLDER_NOT_ALLOWED',
      `${file.label}: uploads to "${folder ?? '/'}" are not allowed. Allowed folders: ${allowed.join(', ')}.`,
    )
  }
  return folder
}

/** The same folder rules as signing, applied to ImageKit's record of a finished upload. */
function holds(
  filePath: string,
  forced: string | undefined,
  allowed: readonly string[] | undefined,
): boolean {
  const segments = filePath.split('/').slice(1, -1)
  // ImageKit's paths are canonical; anything else is not trusted to be inside a folder.
  if (!filePath.startsWith('/') || segments.some((part) => part === '' || part === '.' || part === '..')) {
    return false
  }
  const folder = `/${segments.join('/')}`
  if (forced !== undefined && !isWithinFolder(folder, forced)) return false
  return allowed === undefined || allowed.some((prefix) => isWithinFolder(folder, prefix))
}

interface Rules {
  allowedFolders: readonly string[] | undefined
  types: readonly string[] | undefined
  extensions: readonly string[] | undefined
  tags: readonly string[] | undefined
  fields: ReadonlySet<UploadField>
  maxFileSize: number | undefined
  allowUrls: boolean
}

function checkFields(file: FileDescription, rules: Rules, forced: string | undefined): void {
  // `overwriteFile: false` only narrows what the upload may do (the engine's persisted queue sends it)
  const narrowing = (field: UploadField) => field === 'overwriteFile' && file.fields.overwriteFile === 'false'
  const asked = (Object.keys(file.fields) as UploadField[]).filter((field) => !narrowing(field))
  if (file.folder !== undefined && forced === undefined) asked.push('folder')
  const refused = asked.find((field) => !rules.fields.has(field))
  if (refused !== undefined) {
    throw new AuthEndpointError(
      'FIELD_NOT_ALLOWED',
      `${file.label}: this server does not allow the "${refused}" upload field.`,
    )
  }
}

function checkUrl(file: FileDescription, allowUrls: boolean): void {
  if (file.url === undefined || allowUrls) return
  throw new AuthEndpointError(
    'FIELD_NOT_ALLOWED',
    `${file.label}: this server does not take uploads from a link.`,
  )
}

function checkSize(file: FileDescription, max: number | undefined): void {
  // a link's size is unknown until ImageKit downloaded it: ImageKit's own limits (and `checks`) apply
  if (max === undefined || file.url !== undefined) return
  if (file.size === undefined) {
    throw new AuthEndpointError(
      'INVALID_FIELD',
      `${file.label}: "size" is required (this server limits file size).`,
    )
  }
  if (file.size > max) {
    throw new AuthEndpointError(
      'FILE_TOO_LARGE',
      `${file.label} is ${formatBytes(file.size)}; the largest file allowed is ${formatBytes(max)}.`,
    )
  }
}

function checkType(file: FileDescription, types: readonly string[] | undefined): void {
  if (types === undefined) return
  const { type } = file
  if (type !== undefined && types.some((pattern) => matchesType(type, pattern))) return
  const got = type === undefined ? 'of unknown type' : `of type ${type}`
  throw new AuthEndpointError(
    'FILE_TYPE_NOT_ALLOWED',
    `${file.label} is ${got}; allowed types: ${types.join(', ')}.`,
  )
}

function checkExtension(file: FileDescription, extensions: readonly string[] | undefined): void {
  const extension = extensionOf(file.fileName)
  if (extensions === undefined || extensions.includes(extension)) return
  const allowed = extensions.map((ext) => `.${ext}`).join(', ')
  const ending = extension === '' ? 'without an extension' : `ending in ".${extension}"`
  throw new AuthEndpointError(
    'FILE_TYPE_NOT_ALLOWED',
    `${file.label}: files ${ending} are not allowed; allowed extensions: ${allowed}.`,
  )
}

function checkTags(file: FileDescription, tags: readonly string[] | undefined): void {
  const refused = tags === undefined ? undefined : file.tags.find((tag) => !tags.includes(tag))
  if (refused === undefined) return
  throw new AuthEndpointError(
    'TAG_NOT_ALLOWED',
    `${file.label}: the tag "${refused}" is not allowed; allowed tags: ${tags?.join(', ')}.`,
  )
}

function decide(file: FileDescription, rules: Rules, forced: string | undefined): UploadDecision {
  checkFields(file, rules, forced)
  checkUrl(file, rules.allowUrls)
  checkSize(file, rules.maxFileSize)
  checkType(file, rules.types)
  checkExtension(file, rules.extensions)
  checkTags(file, rules.tags)
  const folder = resolveFolder(file, forced, rules.allowedFolders)
  const params: Record<string, string> = { fileName: file.fileName, ...file.fields }
  if (folder !== undefined) params.folder = folder
  return { forced: forced !== undefined && folder !== undefined ? { folder } : {}, params }
}

function compileRules(policy: Policy): Rules {
  const fields = list(policy.allowedFields, 'allowedFields') as readonly UploadField[] | undefined
  return {
    allowedFolders: list(policy.allowedFolders, 'allowedFolders')?.map((folder) => normalizeFolder(folder)),
    types: list(policy.allowedTypes, 'allowedTypes')?.map((type) => type.toLowerCase()),
    extensions: list(policy.allowedExtensions, 'allowedExtensions')?.map((ext) =>
      ext.replace(/^\./, '').toLowerCase(),
    ),
    tags: list(policy.allowedTags, 'allowedTags'),
    fields: new Set<UploadField>(['fileName', ...(fields ?? DEFAULT_ALLOWED_FIELDS)]),
    maxFileSize:
      policy.maxFileSize === undefined ? undefined : positive(policy.maxFileSize, 'maxFileSize', 1),
    allowUrls: flag(policy.allowUrls, 'allowUrls'),
  }
}

type Policy = NonNullable<AnyAuthHandlerOptions['policy']>

function compileForcedFolder(forcedFolder: Policy['forcedFolder']): CompiledPolicy['forcedFolder'] {
  if (forcedFolder === undefined) return async () => undefined
  if (typeof forcedFolder === 'string') {
    const folder = normalizeFolder(forcedFolder)
    return async () => folder
  }
  if (typeof forcedFolder !== 'function') {
    throw optionError('policy.forcedFolder must be a folder string or a function of the identity.')
  }
  return async (identity) => {
    const chosen = await forcedFolder(identity)
    try {
      return normalizeFolder(chosen)
    } catch {
      // A server bug, not the caller's: answered as INTERNAL, without echoing the value.
      throw new Error('policy.forcedFolder returned an invalid folder')
    }
  }
}

/** Validates the policy at startup (throws `INVALID_OPTIONS`) and returns its checks. */
export function compilePolicy(policy: Policy = {}): CompiledPolicy {
  try {
    const rules = compileRules(policy)
    return {
      maxFiles: positive(policy.maxFiles, 'maxFiles', 20),
      forcedFolder: compileForcedFolder(policy.forcedFolder),
      check: (file, forced) => decide(file, rules, forced),
      holds: (filePath, forced) => holds(filePath, forced, rules.allowedFolders),
    }
  } catch (error) {
    if (error instanceof AuthEndpointError && error.code !== 'INVALID_OPTIONS')
      throw optionError(`policy: ${error.message}`)
    throw error
  }
}
