import type { ApiError } from './api-error.js'
import { checksSyntaxError } from './checks-lexer.js'

/** A value as written in the checks: a quoted string or bare word, a bare number or a boolean. */
export type ChecksValue =
  | { type: 'string'; value: string; raw: string }
  | { type: 'number'; value: number; raw: string }
  | { type: 'boolean'; value: boolean; raw: string }

export type ChecksOperator =
  | '='
  | 'NOT ='
  | ':'
  | 'IN'
  | 'NOT IN'
  | 'HAS'
  | 'NOT HAS'
  | '<'
  | '<='
  | '>'
  | '>='

/**
 * What a field holds, which decides its operators and values. From the "Supported Fields" table
 * of the upload docs' "Upload API Checks"; `HAS` / `NOT HAS` for `request.tags` are from the older
 * GB-docs `features/upload-api-checks.md` table (the current page lists IN / NOT IN).
 */
export type FieldKind = 'string' | 'boolean' | 'number' | 'size' | 'tags' | 'custom'

export const CUSTOM_PREFIX = 'request.customMetadata.'

const FIELDS: Record<string, FieldKind> = {
  'request.fileName': 'string',
  'request.useUniqueFileName': 'boolean',
  'request.tags': 'tags',
  'request.folder': 'string',
  'request.isPrivateFile': 'boolean',
  'request.isPublished': 'boolean',
  'request.customCoordinates': 'string',
  'request.webhookUrl': 'string',
  'request.overwriteFile': 'boolean',
  'request.overwriteAITags': 'boolean',
  'request.overwriteTags': 'boolean',
  'request.overwriteCustomMetadata': 'boolean',
  'file.size': 'size',
  'file.mime': 'string',
  'mediaMetadata.width': 'number',
  'mediaMetadata.height': 'number',
  'mediaMetadata.duration': 'number',
  'mediaMetadata.videoCodec': 'string',
  'mediaMetadata.audioCodec': 'string',
  'mediaMetadata.bitRate': 'number',
}

const STRING_OPS: readonly ChecksOperator[] = ['=', 'NOT =', ':', 'IN', 'NOT IN']
const ORDER_OPS: readonly ChecksOperator[] = ['<', '<=', '>', '>=']
const LIST_OPS: readonly ChecksOperator[] = ['IN', 'NOT IN', 'HAS', 'NOT HAS']
const EQUAL_OPS: readonly ChecksOperator[] = ['=', 'NOT =']

/** Docs: the fixed fields' operators; custom metadata is checked against the value sent (see eval). */
export const OPERATORS: Record<FieldKind, readonly ChecksOperator[]> = {
  string: STRING_OPS,
  boolean: EQUAL_OPS,
  number: ['=', ...ORDER_OPS],
  size: ['=', ...ORDER_OPS],
  tags: LIST_OPS,
  custom: [...STRING_OPS, ...ORDER_OPS, 'HAS', 'NOT HAS'],
}

/** Custom metadata by the type of the value sent (docs' "Custom metadata … type field" rows). */
export const CUSTOM_OPERATORS = {
  number: ['=', 'NOT =', 'IN', 'NOT IN', ...ORDER_OPS],
  boolean: EQUAL_OPS,
  string: [...STRING_OPS, ...ORDER_OPS],
  list: LIST_OPS,
} as const satisfies Record<string, readonly ChecksOperator[]>

export function fieldKind(field: string): FieldKind | undefined {
  if (field.startsWith(CUSTOM_PREFIX)) return field.length > CUSTOM_PREFIX.length ? 'custom' : undefined
  return Object.hasOwn(FIELDS, field) ? FIELDS[field] : undefined
}

export const isNegative = (op: ChecksOperator): boolean => op.startsWith('NOT')
export const isListOperator = (op: ChecksOperator): boolean => op === 'IN' || op === 'NOT IN'

export function unsupportedOperator(
  op: string,
  field: string,
  allowed: readonly string[],
  what = '',
): ApiError {
  return checksSyntaxError(
    `The operator '${op}' is not supported for '${field}'${what} (${allowed.join(', ')}).`,
  )
}

// GUESS: ImageKit does not say whether 1kb is 1000 or 1024 bytes; 1024, like the emulator's searchQuery.
const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }
const SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i
const NUMERIC = /^-?\d+(?:\.\d+)?$/

/** Docs: file.size "Accepts a numeric value e.g. 500, 200 or string e.g. 1mb, 10kb". */
export function toBytes(value: ChecksValue): number | undefined {
  if (value.type === 'number') return value.value
  const size = value.type === 'string' ? SIZE.exec(value.value.trim()) : null
  if (!size) return undefined
  return Number(size[1]) * (SIZE_UNITS[(size[2] ?? 'b').toLowerCase()] ?? 1)
}

/** A number, bare or quoted. */
export function toNumber(value: ChecksValue): number | undefined {
  if (value.type === 'number') return value.value
  return value.type === 'string' && NUMERIC.test(value.value.trim()) ? Number(value.value) : undefined
}

const TAKES: Partial<Record<FieldKind, [string, (value: ChecksValue) => boolean]>> = {
  boolean: ['true or false without quotes', (value) => value.type === 'boolean'],
  number: ['a number', (value) => toNumber(value) !== undefined],
  size: ["a number of bytes or a size such as '1mb'", (value) => toBytes(value) !== undefined],
}

export const wrongValue = (field: string, takes: string, value: ChecksValue): ApiError =>
  checksSyntaxError(`'${field}' takes ${takes}, not '${value.raw}'.`)

/** Refuse an operator or a value the field does not take (GUESS: ImageKit's answer is the syntax 400). */
export function checkField(field: string, op: ChecksOperator, values: readonly ChecksValue[]): void {
  const kind = fieldKind(field)
  if (!kind) return
  if (!OPERATORS[kind].includes(op)) throw unsupportedOperator(op, field, OPERATORS[kind])
  const takes = TAKES[kind]
  const wrong = takes && values.find((value) => !takes[1](value))
  if (takes && wrong) throw wrongValue(field, takes[0], wrong)
}
