import type { AutoTaggingName, ExtensionName, ExtensionRequest } from './extensions.js'
import type { ImageFacts } from './image-facts.js'

/** OAS `Upload.AITags[]`: `{ name, confidence, source }`, source = the auto-tagging extension. */
export interface AITag {
  name: string
  confidence: number
  source: AutoTaggingName
}

export type ExtensionStatus = 'success' | 'pending' | 'failed'

export interface ExtensionResults {
  AITags: AITag[] | null
  description: string | undefined
  extensionStatus: Partial<Record<ExtensionName, ExtensionStatus>>
}

/** A deterministic number in [0, 1) from the bytes' digest and a salt (no randomness anywhere). */
function unit(digest: string, salt: string): number {
  let hash = 2166136261
  for (const char of `${digest}:${salt}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0
  return hash / 2 ** 32
}

/** The words a label detector could plausibly say about these pixels, strongest first. */
function candidateLabels(facts: ImageFacts): string[] {
  const labels: string[] = []
  if (facts.colour) labels.push(facts.colour)
  labels.push(facts.shape === 'square' ? 'Square' : 'Rectangle')
  labels.push(facts.graphic ? 'Graphics' : 'Photograph')
  if (facts.hasTransparency) labels.push('Transparency')
  labels.push('Pattern', facts.colour ? 'Tints and shades' : 'Colorfulness', 'Design', 'Art')
  return labels
}

/**
 * Tags for one auto-tagging extension: confidences fall from ~99 by a step drawn from the bytes,
 * then `minConfidence` and `maxTags` apply (GB-docs ai-based-auto-tagging: "Tags with a confidence
 * value below this value will be discarded"; "only the top five tags … will be attached").
 */
export function autoTags(
  facts: ImageFacts,
  request: { name: AutoTaggingName; maxTags: number; minConfidence: number },
): AITag[] {
  // Google answers on a 0–100 scale with two decimals, like AWS (OAS FileDetails example: 90.12, 80.12).
  let confidence = 99.5 - 1.5 * unit(facts.digest, request.name)
  const tags: AITag[] = []
  for (const name of candidateLabels(facts)) {
    tags.push({ name, confidence: Math.round(confidence * 100) / 100, source: request.name })
    confidence -= 3 + 6 * unit(facts.digest, `${request.name}:${name}`)
  }
  return tags.filter((tag) => tag.confidence >= request.minConfidence).slice(0, request.maxTags)
}

/** `ai-auto-description`: one plain sentence from what the bytes say (size, shape, colour, kind). */
export function autoDescription(facts: ImageFacts): string {
  const kind = facts.graphic ? 'graphic' : 'photo'
  const colour = facts.colour ? `, mostly ${facts.colour.toLowerCase()}` : ''
  return `A ${facts.width}×${facts.height} ${facts.shape} ${facts.format.toUpperCase()} ${kind}${colour}.`
}

/**
 * Run the requested extensions. Auto-tagging and the description finish inside the request
 * (`success`; GB-docs: "the AITags field is populated only because the google-auto-tagging
 * extension executed synchronously"); remove-bg, ai-tasks and saved extensions answer `pending`
 * as in the OAS update-details example (`remove-bg: "pending"`). Non-images: `failed` (GUESS: the
 * extensions work on images).
 */
export function runExtensions(
  requests: readonly ExtensionRequest[],
  facts: ImageFacts | undefined,
): ExtensionResults {
  const results: ExtensionResults = { AITags: null, description: undefined, extensionStatus: {} }
  for (const request of requests) {
    if (!facts) {
      results.extensionStatus[request.name] = 'failed'
    } else if ('maxTags' in request) {
      results.AITags = [...(results.AITags ?? []), ...autoTags(facts, request)]
      results.extensionStatus[request.name] = 'success'
    } else if (request.name === 'ai-auto-description') {
      results.description = autoDescription(facts)
      results.extensionStatus[request.name] = 'success'
    } else {
      results.extensionStatus[request.name] = 'pending'
    }
  }
  return results
}
