let counter = 0

/** An id prefix no other element of `doc` uses yet (`upkit-1`, `upkit-2`, …). */
export function uniqueId(doc: Document): string {
  let id: string
  do id = `upkit-${++counter}`
  while (doc.getElementById(`${id}-hint`))
  return id
}
