import type { ApiError } from './api-error.js'
import {
  type ChecksOperator,
  type ChecksValue,
  checkField,
  fieldKind,
  isListOperator,
} from './checks-fields.js'
import { type ChecksToken, checksSyntaxError, couldNotParse, lexChecks } from './checks-lexer.js'

/**
 * A parsed `checks` expression. Grammar (upload docs, "Upload API Checks": "combine checks using
 * the AND and OR operators and group them using parenthesis"):
 *
 *   or     = and { OR and }            — AND binds tighter than OR (GUESS: the docs only group)
 *   and    = group { AND group }
 *   group  = "(" or ")" | check
 *   check  = quoted-field operator value   — "Remember to enclose the field … in quotes"
 *   operator = "=" | NOT "=" | ":" | IN | NOT IN | HAS | NOT HAS | "<" | "<=" | ">" | ">="
 *   value  = string | number | boolean | word, or "[" value { "," value } "]" after IN / NOT IN
 *
 * There is no unary NOT in the docs, so `NOT "x" = 1` is refused, and so is `!=`.
 */
export type ChecksNode =
  | { kind: 'check'; field: string; op: ChecksOperator; value: ChecksValue | ChecksValue[]; at: number }
  | { kind: 'and' | 'or'; left: ChecksNode; right: ChecksNode }

const COMPARISONS = new Set(['=', ':', '<', '<=', '>', '>='])

const keyword = (token: ChecksToken | undefined): string | undefined =>
  token?.type === 'word' ? token.value.toUpperCase() : undefined

class Parser {
  #tokens: ChecksToken[]
  #at = 0

  constructor(tokens: ChecksToken[]) {
    this.#tokens = tokens
  }

  parse(): ChecksNode {
    if (this.#tokens.length === 0) throw checksSyntaxError('The checks are empty.')
    const node = this.#or()
    if (this.#peek()) throw this.#expected('AND or OR')
    return node
  }

  #peek(): ChecksToken | undefined {
    return this.#tokens[this.#at]
  }

  /** The syntax error for the next token (or the end), saying what was expected there. */
  #expected(what: string): ApiError {
    const token = this.#peek()
    if (token) return couldNotParse(token.raw, token.at, `expected ${what}`)
    const last = this.#tokens[this.#at - 1]
    return checksSyntaxError(`The checks end too early, after '${last?.raw ?? ''}': expected ${what}.`)
  }

  #acceptSymbol(symbol: string): boolean {
    const token = this.#peek()
    if (token?.type !== 'symbol' || token.value !== symbol) return false
    this.#at++
    return true
  }

  #acceptKeyword(word: string): boolean {
    if (keyword(this.#peek()) !== word) return false
    this.#at++
    return true
  }

  #or(): ChecksNode {
    let left = this.#and()
    while (this.#acceptKeyword('OR')) left = { kind: 'or', left, right: this.#and() }
    return left
  }

  #and(): ChecksNode {
    let left = this.#group()
    while (this.#acceptKeyword('AND')) left = { kind: 'and', left, right: this.#group() }
    return left
  }

  #group(): ChecksNode {
    if (!this.#acceptSymbol('(')) return this.#check()
    const node = this.#or()
    if (!this.#acceptSymbol(')')) throw this.#expected("')'")
    return node
  }

  #check(): ChecksNode {
    const field = this.#peek()
    if (field?.type !== 'string') throw this.#expected("a quoted field name such as 'file.size'")
    if (!fieldKind(field.value))
      throw checksSyntaxError(`Unknown field '${field.value}' at character ${field.at + 1}.`)
    this.#at++
    const op = this.#operator()
    const value = isListOperator(op) ? this.#list(op) : this.#value()
    checkField(field.value, op, Array.isArray(value) ? value : [value])
    return { kind: 'check', field: field.value, op, value, at: field.at }
  }

  #operator(): ChecksOperator {
    const token = this.#peek()
    if (token?.type === 'symbol' && COMPARISONS.has(token.value)) {
      this.#at++
      return token.value as ChecksOperator
    }
    const word = keyword(token)
    if (word === 'IN' || word === 'HAS') {
      this.#at++
      return word
    }
    if (word !== 'NOT') throw this.#expected('an operator')
    this.#at++
    if (this.#acceptSymbol('=')) return 'NOT ='
    if (this.#acceptKeyword('IN')) return 'NOT IN'
    if (this.#acceptKeyword('HAS')) return 'NOT HAS'
    throw this.#expected('=, IN or HAS after NOT')
  }

  #list(op: ChecksOperator): ChecksValue[] {
    if (!this.#acceptSymbol('[')) throw this.#expected(`'[' after ${op.replace('NOT ', '')}`)
    const values = [this.#value()]
    while (!this.#acceptSymbol(']')) {
      if (!this.#acceptSymbol(',')) throw this.#expected("',' or ']'")
      values.push(this.#value())
    }
    return values
  }

  #value(): ChecksValue {
    const token = this.#peek()
    if (!token || token.type === 'symbol' || KEYWORDS.has(keyword(token) ?? ''))
      throw this.#expected('a value')
    this.#at++
    const { raw } = token
    // A bare word is a string: `"file.mime" : image`, `"mediaMetadata.videoCodec" = hevc`.
    if (token.type === 'word' || token.type === 'string') return { type: 'string', value: token.value, raw }
    return token.type === 'number'
      ? { type: 'number', value: token.value, raw }
      : { type: 'boolean', value: token.value, raw }
  }
}

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'HAS'])

/** Parse `checks`; throws ImageKit's syntax 400 with a detail naming the part it could not parse. */
export function parseChecks(input: string): ChecksNode {
  return new Parser(lexChecks(input)).parse()
}
