import { badRequest } from './api-error.js'
import { messages } from './messages.js'

/**
 * Extension names ImageKit knows: `remove-bg`, `google-auto-tagging`, `aws-auto-tagging` (OAS
 * v1.0.0.yaml `RemovedotBGExtension`, `AutoTaggingExtension`), `ai-auto-description`, `ai-tasks`
 * (@imagekit/nodejs 7.11 src/resources/shared.ts `ExtensionConfig`) and `saved-extension`
 * (shared.ts `SavedExtension`).
 */
export const EXTENSION_NAMES = [
  'remove-bg',
  'google-auto-tagging',
  'aws-auto-tagging',
  'ai-auto-description',
  'ai-tasks',
  'saved-extension',
] as const

export type ExtensionName = (typeof EXTENSION_NAMES)[number]
export type AutoTaggingName = 'google-auto-tagging' | 'aws-auto-tagging'

/** One checked entry of the `extensions` field. */
export type ExtensionRequest =
  | { name: AutoTaggingName; maxTags: number; minConfidence: number }
  | { name: Exclude<ExtensionName, AutoTaggingName> }

/** GB-docs extensions/overview/ai-based-auto-tagging: "Valid values are between 0 and 100" / "0 and 30". */
export const MIN_CONFIDENCE_RANGE = [0, 100] as const
export const MAX_TAGS_RANGE = [0, 30] as const

type Entry = Record<string, unknown>

const invalid = (detail: string) => badRequest(messages.invalidExtensions(detail))

function inRange(value: unknown, [min, max]: readonly [number, number]): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
}

/** OAS `AutoTaggingExtension`: `maxTags` and `minConfidence` are required integers. */
function autoTagging(entry: Entry, name: AutoTaggingName): ExtensionRequest {
  const { maxTags, minConfidence } = entry
  if (maxTags === undefined) throw invalid(`maxTags is required for ${name}.`)
  if (minConfidence === undefined) throw invalid(`minConfidence is required for ${name}.`)
  if (!Number.isInteger(maxTags) || !inRange(maxTags, MAX_TAGS_RANGE)) {
    throw invalid(`maxTags must be an integer between ${MAX_TAGS_RANGE[0]} and ${MAX_TAGS_RANGE[1]}.`)
  }
  if (!Number.isInteger(minConfidence) || !inRange(minConfidence, MIN_CONFIDENCE_RANGE)) {
    const [min, max] = MIN_CONFIDENCE_RANGE
    throw invalid(`minConfidence must be an integer between ${min} and ${max}.`)
  }
  return { name, maxTags, minConfidence }
}

/** OAS `RemovedotBGExtension.options`: booleans, strings, and `bg_color` excludes `bg_image_url`. */
function removeBg(entry: Entry): void {
  const options = entry.options
  if (options === undefined) return
  if (!options || typeof options !== 'object' || Array.isArray(options))
    throw invalid('options must be an object.')
  const { add_shadow, semitransparency, bg_color, bg_image_url } = options as Entry
  for (const [key, value] of Object.entries({ add_shadow, semitransparency })) {
    if (value !== undefined && typeof value !== 'boolean') throw invalid(`options.${key} must be a boolean.`)
  }
  for (const [key, value] of Object.entries({ bg_color, bg_image_url })) {
    if (value !== undefined && typeof value !== 'string') throw invalid(`options.${key} must be a string.`)
  }
  if (bg_color && bg_image_url) throw invalid('options.bg_color and options.bg_image_url cannot both be set.')
}

function checkEntry(entry: unknown): ExtensionRequest {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry))
    throw invalid('Each extension must be an object.')
  const { name } = entry as Entry
  if (typeof name !== 'string') throw invalid('Each extension needs a name.')
  if (!(EXTENSION_NAMES as readonly string[]).includes(name))
    throw invalid(`Unknown extension name: ${name}.`)
  const known = name as ExtensionName
  if (known === 'google-auto-tagging' || known === 'aws-auto-tagging')
    return autoTagging(entry as Entry, known)
  if (known === 'remove-bg') removeBg(entry as Entry)
  // shared.ts: `AITasks.tasks` (an array) and `SavedExtension.id` (a string) are required.
  if (known === 'ai-tasks' && !Array.isArray((entry as Entry).tasks)) throw invalid('tasks must be an array.')
  if (known === 'saved-extension' && typeof (entry as Entry).id !== 'string')
    throw invalid('id must be a string.')
  return { name: known }
}

/**
 * The `extensions` field (a JSON array string, OAS `FileUpload.extensions`), checked: known names
 * only, auto-tagging with its two numbers. Malformed JSON or any bad entry is a 400.
 */
export function parseExtensions(raw: string | undefined): ExtensionRequest[] | null {
  if (raw === undefined) return null
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    throw invalid('It must be a JSON array.')
  }
  if (!Array.isArray(value)) throw invalid('It must be a JSON array.')
  return value.map(checkEntry)
}
