import { badRequest } from './api-error.js'
import type { CheckContext } from './checks-context.js'
import { evaluateChecks } from './checks-eval.js'
import { parseChecks } from './checks-parser.js'
import { messages } from './messages.js'

export type { CheckContext } from './checks-context.js'

/**
 * ImageKit's `checks` upload parameter: conditions the upload must meet, such as
 * `'file.size' < '1MB'` or `"request.folder" : "marketing/"`, as the upload docs' "Upload API
 * Checks" describe them (https://imagekit.io/docs/api-reference/upload-file/upload-file#upload-api-checks).
 * Lexer: checks-lexer.ts; grammar: checks-parser.ts; fields and operators: checks-fields.ts;
 * semantics: checks-eval.ts.
 *
 * Throws ImageKit's 400s (OAS): "Your request contains invalid syntax for the checks parameter."
 * (plus a sentence naming the part that could not be parsed) or "Your request failed 'checks'
 * validation.".
 */
export function runChecks(expression: string, context: CheckContext): void {
  if (!evaluateChecks(parseChecks(expression), context)) throw badRequest(messages.checksFailed)
}
