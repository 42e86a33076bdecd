const EXTENSIONS: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
}

/** The file's name with the extension of `type` (when the type changed); a Blob has none. */
function renamed(name: string, from: string, to: string): string {
  const extension = EXTENSIONS[to]
  if (from === to || !extension) return name
  const dot = name.lastIndexOf('.')
  return `${dot > 0 ? name.slice(0, dot) : name}${extension}`
}

/**
 * New bytes (or the same bytes with their real type) in the shape the input had: a File keeps its
 * name (extension adjusted to a new type) and lastModified; a Blob stays a Blob.
 */
export function retypedFile(
  input: File | Blob,
  parts: BlobPart[],
  type: string,
  sourceType: string,
): File | Blob {
  if (typeof File === 'function' && input instanceof File) {
    return new File(parts, renamed(input.name, sourceType, type), { type, lastModified: input.lastModified })
  }
  return new Blob(parts, { type })
}
