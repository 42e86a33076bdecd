import { encodeParams } from './params.js'
import type { FileDescription, FileState, Signature, UploadParams } from './types.js'

/** What the signing route is told about the file (POST body / auth function argument). */
export function buildDescription(file: FileState, params: UploadParams): FileDescription {
  const { url, size, type } = file
  // a link's size is unknown: the route is told the link instead (its policy decides, see allowUrls)
  return {
    ...params,
    fileName: params.fileName ?? file.name,
    ...(url === undefined ? { size } : { url }),
    type,
  }
}

const warned = new Set<string>()

/** The route's key wins: it signed with the matching private key. */
function pickPublicKey(fromRoute: string | undefined, option: string | undefined): string {
  if (fromRoute && option && fromRoute !== option && !warned.has(option)) {
    warned.add(option)
    console.warn(
      `[upkit] the publicKey option (${option}) differs from the signing route's (${fromRoute}); using the route's.`,
    )
  }
  const key = fromRoute ?? option
  if (!key) throw new Error('no public key: pass the publicKey option, or have the signing route answer one')
  return key
}

/**
 * The multipart body for one attempt. V1: our fields, overridden by the route's `params`, then the
 * auth fields and the file last. V2: exactly the route's bound `params`, the token and the file.
 */
export function buildForm(
  file: FileState,
  params: UploadParams,
  signature: Signature,
  apiVersion: 1 | 2,
  publicKey: string | undefined,
): FormData {
  const form = new FormData()
  let fields: Record<string, string>
  if (apiVersion === 2) {
    fields = { ...(signature.params as Record<string, string> | undefined), token: signature.token }
  } else {
    const s = signature as Extract<Signature, { signature: string }>
    fields = {
      ...encodeParams({ ...params, fileName: params.fileName ?? file.name }),
      ...encodeParams(s.params ?? {}),
      publicKey: pickPublicKey(s.publicKey, publicKey),
      signature: s.signature,
      expire: String(s.expire),
      token: s.token,
    }
  }
  for (const [key, value] of Object.entries(fields)) form.append(key, value)
  // a link goes as the `file` string, which ImageKit downloads (upload API, `file`: "an http(s) URL")
  if (file.url !== undefined) form.append('file', file.url)
  else form.append('file', file.data, fields.fileName ?? file.name)
  return form
}
