import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

// A path, not a URL object: under a jsdom environment `URL` is jsdom's, which fs does not take.
const schemaPath = fileURLToPath(import.meta.url).replace(/upload-schema\.ts$/, 'upload-response.schema.json')

/** ImageKit's `Upload` response schema, vendored from its OpenAPI file (see the file's `$comment`). */
export const uploadSchema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>

// allErrors: a failing answer lists every field that is off, not just the first.
const ajv = new Ajv2020({ allErrors: true, strict: true })
addFormats(ajv)
const validate = ajv.compile(uploadSchema)

const describe = (error: ErrorObject): string =>
  `${error.instancePath || '/'} ${error.message ?? 'is invalid'} (${error.schemaPath})`

/** What is wrong with a 200 upload answer, one line per ajv error ([] when it conforms). */
export function uploadAnswerErrors(body: unknown): string[] {
  return validate(body) ? [] : (validate.errors ?? []).map(describe)
}
