import type { Uploader, UploaderSnapshot } from '../types.js'
import {
  type AddedRun,
  acceptAttribute,
  announcements,
  classNames,
  cx,
  emptySnapshot,
  type ResolvedLocale,
  viewText,
  warnBeforeUnload,
} from '../view/index.js'
import { bindCallbacks } from './callbacks.js'
import { bindDropzone } from './dropzone.js'
import { DropzoneView } from './dropzone-view.js'
import { createElement, syncChildren } from './element.js'
import { FileList } from './file-list.js'
import type { RowContext } from './file-row.js'
import { FocusRescue } from './focus-rescue.js'
import { LiveRegion } from './live-region.js'
import type { MountOptions } from './options.js'
import { RejectionList } from './rejection-list.js'
import { showRejections } from './rejections.js'
import { RestoredNotice } from './restored-notice.js'
import { Ticker } from './ticker.js'
import { TotalBar } from './total-bar.js'
import { uniqueId } from './unique-id.js'

/**
 * The vanilla widget: draws the same tree as React's `<Uploader>` into a root element and keeps it in
 * step with the engine's snapshot by patching, never by rebuilding.
 */
export class Widget {
  readonly root: HTMLDivElement
  readonly #uploader: Uploader
  readonly #locale: ResolvedLocale
  readonly #zone: DropzoneView
  readonly #rejections: RejectionList
  readonly #list: FileList
  readonly #total: TotalBar
  readonly #live: LiveRegion
  readonly #restored: RestoredNotice
  readonly #ticker = new Ticker(() => this.#render(true))
  readonly #cleanups: Array<() => void> = []
  #unbindCallbacks: () => void = () => {}
  readonly #listeners = new AbortController()
  readonly #focus: FocusRescue
  #snapshot: UploaderSnapshot = emptySnapshot
  readonly #added: AddedRun = { count: 0, at: Number.NEGATIVE_INFINITY }

  constructor(doc: Document, uploader: Uploader, options: MountOptions, locale: ResolvedLocale) {
    this.#uploader = uploader
    this.#locale = locale
    const messages = locale.view
    this.#zone = new DropzoneView(doc, {
      id: uniqueId(doc),
      messages,
      disabled: Boolean(options.disabled),
      multiple: options.multiple ?? true,
      accept: options.accept ?? acceptAttribute(options.restrictions?.allowedFileTypes),
      capture: options.capture,
      allowUrls: Boolean(options.allowUrls),
    })
    this.#rejections = new RejectionList(doc, messages, () => this.#patch(() => this.#place()))
    const context: RowContext = { doc, uploader, messages, intl: locale.intl, now: () => Date.now() }
    this.#list = new FileList(context)
    const showUpload = options.uploadButton ?? (!options.uploader && options.autoUpload === false)
    this.#total = new TotalBar(doc, { uploader, messages, intl: locale.intl, showUpload })
    this.#live = new LiveRegion(doc)
    this.#restored = new RestoredNotice(doc, uploader, messages)
    this.root = createElement(doc, 'div', {
      class: cx(classNames.root, !options.unstyled && classNames.styled, options.className),
      'data-theme': options.theme,
    })
    this.#focus = new FocusRescue(this.root, this.#listeners.signal)
    const settle = () => this.#patch(() => this.#list.settle())
    this.#list.element.addEventListener('scroll', settle, { passive: true, signal: this.#listeners.signal })
    this.#bind(options)
    // Like React's announcer: what is already in the engine at mount is drawn, not announced.
    this.#snapshot = uploader.getSnapshot()
    this.#render(true)
    // …except the notice of files left from the last visit: the user has something to decide.
    if (this.#snapshot.restored > 0) this.#live.say(this.#restored.text(this.#snapshot.restored))
  }

  #bind(options: MountOptions): void {
    const multiple = options.multiple ?? true
    this.#unbindCallbacks = bindCallbacks(this.#uploader, options)
    this.#cleanups.push(
      bindDropzone({
        zone: this.#zone.element,
        input: this.#zone.input,
        disabled: Boolean(options.disabled),
        pasteOnDocument: Boolean(options.pasteOnDocument),
        onDragActive: (active) => this.#zone.setDragActive(active),
        onFiles: (files) => void this.#uploader.addFiles(multiple ? files : files.slice(0, 1)),
        link: this.#zone.link,
        onUrl: (url) => this.#uploader.addUrl(url),
      }),
      showRejections(this.#uploader, this.#locale.view, this.#rejections, this.#live),
      this.#uploader.subscribe(() => this.#render(false)),
      this.#uploader.on('file-reverted', ({ file }) => {
        const text = viewText(this.#locale.view, 'announceReverted', { name: file.name })
        this.#rejections.add(text, 'info')
        this.#live.say(text)
      }),
      this.#uploader.on('revert-error', ({ error }) => {
        this.#rejections.add(error.message)
        this.#live.say(error.message)
      }),
    )
    if (options.warnBeforeUnload ?? true) this.#cleanups.push(warnBeforeUnload(this.#uploader))
  }

  /** Patches the DOM to the engine's current snapshot (`force`: also when it did not change, e.g. a clock tick). */
  #render(force: boolean): void {
    const snapshot = this.#uploader.getSnapshot()
    if (snapshot === this.#snapshot && !force) return
    const previous = this.#snapshot
    this.#snapshot = snapshot
    const texts = announcements(previous, snapshot, this.#locale.view, this.#added)
    if (snapshot.restored > 0 && previous.restored === 0) texts.push(this.#restored.text(snapshot.restored))
    if (texts.length > 0) this.#live.say(texts.join(' '))
    this.#patch(() => {
      this.#list.update(snapshot.files)
      this.#place()
      this.#list.settle()
    })
    // A countdown runs while retrying; while uploading, a stall shows once no bytes moved for a while.
    this.#ticker.set(snapshot.counts.retrying + snapshot.counts.uploading > 0)
  }

  /** Runs a DOM patch, keeping keyboard focus in the widget when a focused button goes away. */
  #patch(change: () => void): void {
    this.#focus.before()
    change()
    this.#focus.after()
  }

  /** Places the sections that are shown right now, in the spec's order. */
  #place(): void {
    const snapshot = this.#snapshot
    const children: Node[] = [this.#zone.element]
    if (this.#zone.link) children.push(this.#zone.link.element)
    if (this.#restored.update(snapshot.restored)) children.push(this.#restored.element)
    if (!this.#rejections.isEmpty) children.push(this.#rejections.element)
    if (snapshot.files.length > 0) children.push(this.#list.element)
    if (this.#total.update(snapshot)) children.push(this.#total.element)
    children.push(this.#live.element)
    syncChildren(this.root, children)
  }

  /**
   * Removes every listener and subscription, revokes object URLs and stops the countdown clock.
   * `keepCallbacks`: uploads go on after unmount, so `onSuccess`/`onComplete`/… keep reporting until
   * the engine is destroyed after them (destroy drops every listener).
   */
  destroy(keepCallbacks = false): void {
    if (!keepCallbacks) this.#unbindCallbacks()
    for (const cleanup of this.#cleanups.splice(0)) cleanup()
    this.#listeners.abort()
    this.#ticker.stop()
    this.#list.clear()
    this.root.remove()
  }
}
