import type { Uploader } from '../types.js'
import { createUploader } from '../uploader.js'
import { engineOptionsFrom, resolveLocale } from '../view/index.js'
import { releaseEngine } from './callbacks.js'
import type { MountedWidget, MountOptions } from './options.js'
import { Widget } from './widget.js'

const mounted = new WeakMap<Element, MountedWidget>()

/**
 * Draws the Upkit widget into `element` (or the first element matching a CSS selector) — the same
 * markup, messages and accessibility as the React `<Uploader>`, styled by
 * `@upkit/uploader-core/styles.css` (`upkit.css` in the `<script>` build).
 *
 * @example
 * const { uploader, unmount } = mount(document.querySelector('#upload'), {
 *   publicKey: 'public_…',
 *   auth: '/api/imagekit/auth',
 *   onSuccess: (file, result) => console.log(result.url),
 * })
 *
 * Mounting again on the same element unmounts the previous widget first.
 */
export function mount(target: Element | string, options: MountOptions): MountedWidget {
  const element = typeof target === 'string' ? document.querySelector(target) : target
  if (!element || typeof (element as Partial<Element>).ownerDocument !== 'object') {
    throw new TypeError(`Upkit.mount: ${String(target)} is not a DOM element (or a selector that finds one).`)
  }
  mounted.get(element)?.unmount()
  const locale = resolveLocale(options.locale, options.messages, options.intlLocale)
  const owned = options.uploader ? null : createUploader(engineOptionsFrom(options, locale))
  const uploader: Uploader = options.uploader ?? (owned as Uploader)
  const widget = new Widget(element.ownerDocument, uploader, options, locale)
  element.replaceChildren(widget.root)
  let active = true
  const handle: MountedWidget = {
    uploader,
    unmount() {
      if (!active) return
      active = false
      if (mounted.get(element) === handle) mounted.delete(element)
      const keep = Boolean(options.keepUploadsOnUnmount) && uploader.getSnapshot().isUploading
      widget.destroy(keep)
      element.replaceChildren()
      if (owned) releaseEngine(owned, keep)
    },
  }
  mounted.set(element, handle)
  return handle
}
