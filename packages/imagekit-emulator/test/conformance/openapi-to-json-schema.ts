/**
 * Turns the `Upload` response of ImageKit's OpenAPI file (imagekitio/openapi `v1.0.0.yaml`) into a
 * standalone JSON Schema 2020-12. The file says `openapi: 3.1.0` but writes nullability the 3.0 way
 * (`nullable: true`), which JSON Schema does not know, so this converts it. Pure: the script
 * `regenerate-schema.ts` does the file work.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Where the spec keeps the schema and what it references: components.responses (a non-standard layout). */
const SPEC_DEFS = '#/components/responses/'
const SPEC_EXAMPLES = '#/components/examples/'

/** `nullable: true` as JSON Schema: `null` joins `type`, or `oneOf`/`anyOf`, or `enum`; alone, it means null. */
function nullable(node: JsonObject): JsonObject {
  const out: JsonObject = { ...node }
  if (typeof out.type === 'string') out.type = [out.type, 'null']
  else if (Array.isArray(out.type)) out.type = [...out.type, 'null']
  else if (Array.isArray(out.oneOf)) out.oneOf = [...out.oneOf, { type: 'null' }]
  else if (Array.isArray(out.anyOf)) out.anyOf = [...out.anyOf, { type: 'null' }]
  else out.type = 'null'
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null]
  return out
}

/**
 * One OpenAPI schema node as JSON Schema: `nullable` converted, `example` dropped (an OpenAPI
 * keyword; JSON Schema has `examples`), `$ref`s to components.responses pointed at `$defs`.
 */
export function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema)
  if (!isObject(node)) return node
  const out: JsonObject = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable' || key === 'example') continue
    if (key === '$ref' && typeof value === 'string' && value.startsWith(SPEC_DEFS)) {
      out.$ref = `#/$defs/${value.slice(SPEC_DEFS.length)}`
    } else {
      out[key] = toJsonSchema(value)
    }
  }
  return node.nullable === true ? nullable(out) : out
}

/** The `components.responses` names a node refers to, directly or through what it refers to. */
function referencedDefs(node: Json, responses: JsonObject, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) referencedDefs(item, responses, found)
  if (!isObject(node)) return found
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith(SPEC_DEFS)) {
      const name = value.slice(SPEC_DEFS.length)
      if (!found.has(name)) {
        found.add(name)
        referencedDefs(responses[name] ?? null, responses, found)
      }
    } else {
      referencedDefs(value, responses, found)
    }
  }
  return found
}

function at(node: Json | undefined, ...path: string[]): Json | undefined {
  let current = node
  for (const key of path) current = isObject(current) ? current[key] : undefined
  return current
}

/** The spec's examples of a 200 upload answer (`paths./api/v1/files/upload.post.responses.200`). */
function uploadExamples(spec: JsonObject): JsonObject[] {
  const named = at(spec, 'paths', '/api/v1/files/upload', 'post', 'responses', '200', 'content')
  const examples = at(named, 'application/json', 'examples')
  if (!isObject(examples)) throw new Error('the spec has no examples for a 200 upload answer')
  return Object.values(examples).map((example) => {
    const ref = at(example, 'value', '$ref')
    const name =
      typeof ref === 'string' && ref.startsWith(SPEC_EXAMPLES) ? ref.slice(SPEC_EXAMPLES.length) : ''
    const value = at(spec, 'components', 'examples', name)
    if (!isObject(value)) throw new Error(`the spec's example ${String(ref)} is missing`)
    return value
  })
}

export interface SpecSource {
  repository: string
  path: string
  commit: string
}

/**
 * The standalone schema of a 200 upload answer. `required` is an Upkit addition (the spec has
 * none): the properties present in every one of the spec's own 200 examples, less those its
 * description marks "Only for images" / "only for video". The examples ride along in `examples`.
 */
export function uploadResponseSchema(spec: JsonObject, source: SpecSource): JsonObject {
  const responses = at(spec, 'components', 'responses')
  const upload = at(responses, 'Upload')
  if (!isObject(responses) || !isObject(upload))
    throw new Error('the spec has no components.responses.Upload')
  const examples = uploadExamples(spec)
  const properties = isObject(upload.properties) ? upload.properties : {}
  const always = (name: string) => !/\bonly for\b/i.test(String(at(properties, name, 'description') ?? ''))
  const required = Object.keys(properties).filter(
    (name) => always(name) && examples.every((example) => name in example),
  )
  const defs = [...referencedDefs(upload, responses)].sort()
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $comment: [
      `Vendored from github.com/${source.repository}, ${source.path} at commit ${source.commit}:`,
      'components.responses.Upload and what it references, OpenAPI nullable converted to JSON Schema,',
      '`required` added (the properties in every 200 example of the spec, less the "only for" ones),',
      'the examples kept.',
      'Generated by test/conformance/regenerate-schema.ts; do not edit by hand.',
    ].join(' '),
    ...(toJsonSchema(upload) as JsonObject),
    required,
    $defs: Object.fromEntries(defs.map((name) => [name, toJsonSchema(responses[name] ?? null)])),
    examples,
  }
}
