import { badRequest } from './api-error.js'
import type { MediaInfo } from './media-info.js'
import { messages } from './messages.js'

export type PostType = 'transformation' | 'gif-to-video' | 'thumbnail' | 'abs'

export interface PostTransformation {
  type: PostType
  value?: string
  protocol?: 'hls' | 'dash'
}

/** OAS v1.0.0.yaml `FileUpload.transformation`: `{ pre?: string, post?: [{ type, value?, protocol? }] }`. */
export interface Transformation {
  pre?: string
  post?: PostTransformation[]
}

const POST_TYPES = new Set<string>(['transformation', 'gif-to-video', 'thumbnail', 'abs'])

/** Whether one `post` step has the shape the OAS describes. */
function validStep(step: unknown): step is PostTransformation {
  if (!step || typeof step !== 'object' || Array.isArray(step)) return false
  const { type, value, protocol } = step as Record<string, unknown>
  if (typeof type !== 'string' || !POST_TYPES.has(type)) return false
  if (value !== undefined && typeof value !== 'string') return false
  // OAS: "`value` … Required if `type` is `transformation` or `abs`"; "`protocol`: Either `hls` or `dash`".
  if ((type === 'transformation' || type === 'abs') && !value) return false
  if (type === 'abs' && protocol !== 'hls' && protocol !== 'dash') return false
  return true
}

/**
 * The `transformation` field, checked. Malformed JSON or a wrong shape answers the OAS 400
 * "The file could not be uploaded because the transformation field is invalid." (upload 400
 * examples); so do an object with neither `pre` nor `post` and an empty `pre` (the rules
 * @imagekit/javascript 5 checks before sending: "Please include at least pre, post, or both").
 */
export function parseTransformation(raw: string | undefined): Transformation | null {
  if (raw === undefined) return null
  const invalid = () => badRequest(messages.invalidTransformation)
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    throw invalid()
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalid()
  const { pre, post } = value as Record<string, unknown>
  if (pre === undefined && post === undefined) throw invalid()
  if (pre !== undefined && (typeof pre !== 'string' || pre === '')) throw invalid()
  if (post !== undefined && !(Array.isArray(post) && post.every(validStep))) throw invalid()
  return value as Transformation
}

const isVideo = (media: MediaInfo) => media.mime.startsWith('video/')

/**
 * Which post types fit which files (imagekit.io/docs/dam/pre-and-post-transformation-on-upload,
 * "Supported types of post-transformations"): images take `transformation` and, GIFs only,
 * `gif-to-video`; videos take `transformation`, `thumbnail` and `abs`.
 */
function fits(type: PostType, media: MediaInfo): boolean {
  if (type === 'transformation') return true
  if (type === 'gif-to-video') return media.mime === 'image/gif'
  return isVideo(media)
}

/**
 * After the bytes are in: transformations only for images and videos, and every post step must fit
 * the detected type (both OAS upload 400 messages).
 */
export function checkTransformation(transformation: Transformation | null, media: MediaInfo): void {
  if (!transformation) return
  if (media.fileType !== 'image' && !isVideo(media)) throw badRequest(messages.transformationFileType)
  if (transformation.post?.some((step) => !fits(step.type, media))) {
    throw badRequest(messages.postTransformationIncompatible)
  }
}

/**
 * Whether this upload is answered 202 instead of 200: a `pre` on a video. GB-docs
 * features/pre-post-transformation/README.md, "Asynchronous behaviour": "Pre transformation is sync
 * for image files but async for video files"; OAS v1.0.0.yaml upload responses, 202: "File accepted
 * for upload. Pre transformation for video is being processed." `post` alone stays 200 ("Post
 * transformations are always async", but the file itself is stored at once).
 */
export function queuesPreTransformation(transformation: Transformation | null, media: MediaInfo): boolean {
  return transformation?.pre !== undefined && isVideo(media)
}
