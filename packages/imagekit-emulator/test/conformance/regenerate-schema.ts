// Regenerates upload-response.schema.json from a checkout of github.com/imagekitio/openapi:
//   git -C <openapi> show <commit>:v1.0.0.yaml > /tmp/v1.0.0.yaml
//   node --import tsx test/conformance/regenerate-schema.ts /tmp/v1.0.0.yaml <commit>
import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'yaml'
import { type Json, uploadResponseSchema } from './openapi-to-json-schema.js'

const [specPath, commit] = process.argv.slice(2)
if (!specPath || !commit || !/^[0-9a-f]{40}$/.test(commit)) {
  throw new Error('usage: regenerate-schema.ts <path to v1.0.0.yaml> <40-digit commit of imagekitio/openapi>')
}
const spec = parse(readFileSync(specPath, 'utf8')) as { [key: string]: Json }
const schema = uploadResponseSchema(spec, { repository: 'imagekitio/openapi', path: 'v1.0.0.yaml', commit })
const target = new URL('./upload-response.schema.json', import.meta.url)
writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`)
