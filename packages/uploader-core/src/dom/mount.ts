import type { Uploader } from '../types.js'
import { UploadError } from '../upload-error.js'
import { createUploader } from '../uploader.js'
import { shown } from '../validate-options.js'
import { checkWidgetOptions, engineOptionsFrom, resolveLocale, widgetError } from '../view/index.js'
import { releaseEngine } from './callbacks.js'
import type { MountedWidget, MountOptions } from './options.js'
import { Widget } from './widget.js'

const mounted = new WeakMap<Element, MountedWidget>()
const WHO = 'Upkit.mount'

const refuse = (detail: string) => new UploadError('INVALID_OPTIONS', `${WHO}: ${detail}`)

/** The element to draw into: the one given, or the first match of a CSS selector. */
function targetElement(target: Element | string): Element {
  if (typeof target === 'string') {
    let found: Element | null
    try {
      found = document.querySelector(target)
    } catch {
      throw refuse(
        `"${target}" is not a valid CSS selector; pass an element or a selector such as "#upload".`,
      )
    }
    if (found) return found
    throw refuse(
      `no element matches "${target}"; create it before calling mount (put the script after it, or wait for DOMContentLoaded).`,
    )
  }
  if ((target as Partial<Element> | null)?.nodeType === 1) return target
  throw refuse(`the target is ${shown(target)}; pass a DOM element or a CSS selector such as "#upload".`)
}

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
  const element = targetElement(target)
  if (typeof options !== 'object' || options === null)
    throw refuse(`options is ${shown(options)}; pass an object such as { auth: '/api/imagekit/auth' }.`)
  checkWidgetOptions(options, WHO)
  const locale = resolveLocale(options.locale, options.messages, options.intlLocale)
  let owned: Uploader | null = null
  try {
    owned = options.uploader ? null : createUploader(engineOptionsFrom(options, locale))
  } catch (error) {
    throw widgetError(error, WHO)
  }
  mounted.get(element)?.unmount()
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
