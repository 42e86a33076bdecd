/** A real 1×1 PNG. */
export function png(name: string): File {
  const bytes = Uint8Array.from(
    atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='),
    (c) => c.charCodeAt(0),
  )
  return new File([bytes], name, { type: 'image/png' })
}

/** A DataTransfer-like object holding `files` (with `Files` in `types`). */
export function transferOf(files: File[]): { files: File[]; types: string[]; items: []; dropEffect: string } {
  return { files, types: ['Files'], items: [], dropEffect: 'none' }
}

/** Dispatches a drag or paste style event carrying `data` (jsdom has no DragEvent/ClipboardEvent). */
export function dispatchWith(target: EventTarget, type: string, property: string, data: unknown): Event {
  const event = new Event(type, { bubbles: true, cancelable: true })
  Object.defineProperty(event, property, { value: data })
  target.dispatchEvent(event)
  return event
}
