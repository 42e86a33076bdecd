import type { CheckContext } from './checks-context.js'
import {
  type ChecksOperator,
  type ChecksValue,
  CUSTOM_OPERATORS,
  CUSTOM_PREFIX,
  fieldKind,
  isNegative,
  toBytes,
  toNumber,
  unsupportedOperator,
  wrongValue,
} from './checks-fields.js'
import type { ChecksNode } from './checks-parser.js'
import { normalizeFolder } from './file-names.js'

type Check = Extract<ChecksNode, { kind: 'check' }>
type Ordered = number | string

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/

/** A value's text: strings as written, numbers and booleans as their source (`500`, `true`). */
const text = (value: ChecksValue): string => (value.type === 'string' ? value.value : value.raw)

function lookup(context: CheckContext, field: string): unknown {
  if (field.startsWith(CUSTOM_PREFIX))
    return context.request.customMetadata[field.slice(CUSTOM_PREFIX.length)]
  const [section, key] = field.split('.') as [keyof CheckContext, string]
  return (context[section] as Record<string, unknown>)[key]
}

/** `=`, `NOT =` and the orderings. Every operator but NOT = is false for a value the file lacks. */
function compareOrder(op: ChecksOperator, actual: Ordered | null, expected: Ordered): boolean {
  if (actual === null) return isNegative(op)
  if (op === '=') return actual === expected
  if (op === 'NOT =') return actual !== expected
  if (op === '<') return actual < expected
  if (op === '<=') return actual <= expected
  if (op === '>') return actual > expected
  return actual >= expected
}

/** Docs: `:` is "starting from", IN is one of the list; `=`/`NOT =` exact (case-sensitive: GUESS). */
function compareText(op: ChecksOperator, actual: string | null, expected: readonly string[]): boolean {
  if (actual === null) return isNegative(op)
  const first = expected[0] ?? ''
  if (op === ':') return actual.startsWith(first)
  if (op === 'IN') return expected.includes(actual)
  if (op === 'NOT IN') return !expected.includes(actual)
  return compareOrder(op, actual, first)
}

/** Folders compare as ImageKit's `/a/b/` paths, so `: "marketing/"` is the folder and its sub-folders. */
function folderPath(value: string): string | null {
  try {
    return normalizeFolder(value)
  } catch {
    return null // a value no folder can have: never equal, never a prefix
  }
}

function compareFolder(op: ChecksOperator, actual: string, values: readonly ChecksValue[]): boolean {
  const expected = values.map((value) => folderPath(text(value)))
  const known = expected.filter((path): path is string => path !== null)
  if (op === ':' || op === '=' || op === 'NOT =') {
    const first = expected[0] ?? null
    if (first === null) return op === 'NOT ='
    return op === ':' ? actual.startsWith(first) : compareOrder(op, actual, first)
  }
  return compareText(op, actual, known)
}

/** One element of a list field (tags, MultiSelect) or of an IN list, equal to a value as written. */
function same(actual: unknown, value: ChecksValue): boolean {
  if (typeof actual === 'number') return toNumber(value) === actual
  if (typeof actual === 'boolean') return value.type === 'boolean' && value.value === actual
  return typeof actual === 'string' && text(value) === actual
}

/** Docs: tags "IN … either", "NOT IN … do not have"; GB-docs: HAS / NOT HAS one value. */
function compareList(
  op: ChecksOperator,
  actual: readonly unknown[],
  values: readonly ChecksValue[],
): boolean {
  const hasAny = values.some((value) => actual.some((item) => same(item, value)))
  return isNegative(op) ? !hasAny : hasAny
}

/** ISO 8601 dates compare as instants; docs: a date without a zone is UTC. */
function asDate(value: string): number | undefined {
  const match = ISO_DATE.exec(value)
  if (!match) return undefined
  const time = Date.parse(value.includes('T') && !match[1] ? `${value}Z` : value)
  return Number.isNaN(time) ? undefined : time
}

function compareString(op: ChecksOperator, actual: string, values: readonly ChecksValue[]): boolean {
  if (op === ':' || op === 'IN' || op === 'NOT IN') return compareText(op, actual, values.map(text))
  const expected = text(values[0] as ChecksValue)
  const [a, b] = [asDate(actual), asDate(expected)]
  // Dates (Date fields) as instants; other strings (SingleSelect) in code-unit order (GUESS).
  return a !== undefined && b !== undefined ? compareOrder(op, a, b) : compareOrder(op, actual, expected)
}

function expectNumbers(field: string, values: readonly ChecksValue[]): number[] {
  return values.map((value) => {
    const number = toNumber(value)
    if (number === undefined) throw wrongValue(field, 'a number', value)
    return number
  })
}

function customType(actual: unknown): keyof typeof CUSTOM_OPERATORS | undefined {
  if (Array.isArray(actual)) return 'list'
  const type = typeof actual
  return type === 'string' || type === 'number' || type === 'boolean' ? type : undefined
}

/**
 * Custom metadata: ImageKit picks operators by the field's schema type; the emulator has no
 * schema, so it goes by the JSON type of the value sent (number, boolean, string for
 * Text / Textarea / Date / SingleSelect, a list for MultiSelect). Not sent: only NOT … holds.
 */
function compareCustom(node: Check, actual: unknown, values: readonly ChecksValue[]): boolean {
  const type = customType(actual)
  if (type === undefined) return isNegative(node.op)
  const allowed: readonly ChecksOperator[] = CUSTOM_OPERATORS[type]
  if (!allowed.includes(node.op)) throw unsupportedOperator(node.op, node.field, allowed, `, a ${type}`)
  if (type === 'list') return compareList(node.op, actual as unknown[], values)
  if (type === 'string') return compareString(node.op, actual as string, values)
  if (type === 'boolean') {
    const wrong = values.find((value) => value.type !== 'boolean')
    if (wrong) throw wrongValue(node.field, 'true or false without quotes', wrong)
    return compareOrder(node.op, String(actual), (values[0] as ChecksValue).raw)
  }
  const numbers = expectNumbers(node.field, values)
  if (node.op === 'IN' || node.op === 'NOT IN')
    return numbers.includes(actual as number) !== isNegative(node.op)
  return compareOrder(node.op, actual as number, numbers[0] as number)
}

function evaluateCheck(node: Check, context: CheckContext): boolean {
  const actual = lookup(context, node.field)
  const values = Array.isArray(node.value) ? node.value : [node.value]
  const first = values[0] as ChecksValue
  switch (fieldKind(node.field)) {
    case 'custom':
      return compareCustom(node, actual, values)
    case 'tags':
      return compareList(node.op, actual as readonly string[], values)
    case 'boolean':
      return compareOrder(node.op, String(actual), first.raw)
    case 'number':
      return compareOrder(node.op, actual as number | null, toNumber(first) as number)
    case 'size':
      return compareOrder(node.op, actual as number, toBytes(first) as number)
    default:
      if (node.field === 'request.folder') return compareFolder(node.op, actual as string, values)
      return compareText(node.op, actual as string | null, values.map(text))
  }
}

/** Whether the upload passes `node`. Both sides of AND / OR run, so an error does not hang on order. */
export function evaluateChecks(node: ChecksNode, context: CheckContext): boolean {
  if (node.kind === 'check') return evaluateCheck(node, context)
  const left = evaluateChecks(node.left, context)
  const right = evaluateChecks(node.right, context)
  return node.kind === 'and' ? left && right : left || right
}
