import { badRequest } from './api-error.js'
import { normalizeFolder } from './file-names.js'
import { messages } from './messages.js'

/**
 * ImageKit's `checks` parameter: pre-upload conditions such as `"file.size" < "1mb"` or
 * `"request.folder" : "marketing/"`, combined with AND / OR / NOT and parentheses. Keys and
 * values are double-quoted. Supported keys: file.size, file.mime, request.folder, request.fileName,
 * request.tags, request.useUniqueFileName, request.isPrivateFile. The documented examples are exact;
 * the wider grammar is our reading of ImageKit's docs.
 */
export interface CheckContext {
  'file.size': number
  'file.mime': string
  'request.folder': string
  'request.fileName': string
  'request.tags': string[]
  'request.useUniqueFileName': string
  'request.isPrivateFile': string
}

type Node =
  | { kind: 'cmp'; key: keyof CheckContext; op: string; value: string }
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'not'; node: Node }

const KEYS = new Set<string>([
  'file.size',
  'file.mime',
  'request.folder',
  'request.fileName',
  'request.tags',
  'request.useUniqueFileName',
  'request.isPrivateFile',
])
const TOKEN = /\s*(?:"([^"]*)"|(<=|>=|!=|[:=<>()])|(AND|OR|NOT)\b)/iy
const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }
const syntaxError = () => badRequest(messages.checksSyntax)

function tokenize(input: string): string[] {
  const tokens: string[] = []
  TOKEN.lastIndex = 0
  while (TOKEN.lastIndex < input.length) {
    if (/^\s*$/.test(input.slice(TOKEN.lastIndex))) break
    const match = TOKEN.exec(input)
    if (!match) throw syntaxError()
    tokens.push(match[1] !== undefined ? `"${match[1]}` : (match[2] ?? match[3] ?? '').toUpperCase())
  }
  return tokens
}

class Parser {
  #tokens: string[]
  #at = 0
  constructor(tokens: string[]) {
    this.#tokens = tokens
  }
  parse(): Node {
    const node = this.#or()
    if (this.#at !== this.#tokens.length) throw syntaxError()
    return node
  }
  #next(): string {
    const token = this.#tokens[this.#at++]
    if (token === undefined) throw syntaxError()
    return token
  }
  #accept(keyword: string): boolean {
    if (this.#tokens[this.#at] !== keyword) return false
    this.#at++
    return true
  }
  #or(): Node {
    let left = this.#and()
    while (this.#accept('OR')) left = { kind: 'or', left, right: this.#and() }
    return left
  }
  #and(): Node {
    let left = this.#unary()
    while (this.#accept('AND')) left = { kind: 'and', left, right: this.#unary() }
    return left
  }
  #unary(): Node {
    const token = this.#next()
    if (token === 'NOT') return { kind: 'not', node: this.#unary() }
    if (token === '(') {
      const node = this.#or()
      if (this.#next() !== ')') throw syntaxError()
      return node
    }
    const op = this.#next()
    const value = this.#next()
    if (!token.startsWith('"') || !value.startsWith('"') || !KEYS.has(token.slice(1))) throw syntaxError()
    if (![':', '=', '!=', '<', '<=', '>', '>='].includes(op)) throw syntaxError()
    return { kind: 'cmp', key: token.slice(1) as keyof CheckContext, op, value: value.slice(1) }
  }
}

function toBytes(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(value.trim())
  if (!match) throw syntaxError()
  return Number(match[1]) * (UNITS[(match[2] ?? 'b').toLowerCase()] ?? 1)
}

function compare(node: Extract<Node, { kind: 'cmp' }>, context: CheckContext): boolean {
  const actual = context[node.key]
  if (typeof actual === 'number') {
    const expected = toBytes(node.value)
    const results: Record<string, boolean> = {
      ':': actual === expected,
      '=': actual === expected,
      '!=': actual !== expected,
      '<': actual < expected,
      '<=': actual <= expected,
      '>': actual > expected,
      '>=': actual >= expected,
    }
    return results[node.op] ?? false
  }
  if (![':', '=', '!='].includes(node.op)) throw syntaxError()
  const equal = Array.isArray(actual)
    ? actual.includes(node.value)
    : node.key === 'request.folder'
      ? normalizeFolder(node.value) === actual
      : actual === node.value
  return node.op === '!=' ? !equal : equal
}

function evaluate(node: Node, context: CheckContext): boolean {
  if (node.kind === 'cmp') return compare(node, context)
  if (node.kind === 'not') return !evaluate(node.node, context)
  const left = evaluate(node.left, context)
  const right = evaluate(node.right, context)
  return node.kind === 'and' ? left && right : left || right
}

/** Throws ImageKit's 400 for bad syntax or a failed check. */
export function runChecks(expression: string, context: CheckContext): void {
  const tree = new Parser(tokenize(expression)).parse()
  if (!evaluate(tree, context)) throw badRequest(messages.checksFailed)
}
