import type { Uploader, UploaderSnapshot } from '../types.js'
import { classNames, cx, totalProgress, type ViewMessages, viewText } from '../view/index.js'
import { createButton, createElement, setAttribute, setText, syncChildren } from './element.js'

/** What the total row needs from the widget. */
export interface TotalBarOptions {
  uploader: Uploader
  messages: ViewMessages
  intl: string | undefined
  /** Show an Upload button for queued files (when the engine does not upload on its own). */
  showUpload: boolean
}

/**
 * The total bar (weighted by bytes) with speed and time left, plus Upload / Retry all / Cancel all /
 * Clear finished — the same tree as React's `<TotalProgress>`. Its buttons are kept while they apply
 * (focus survives).
 */
export class TotalBar {
  readonly element: HTMLDivElement
  readonly #options: TotalBarOptions
  readonly #progress: HTMLProgressElement
  readonly #text: HTMLSpanElement
  readonly #actions: HTMLDivElement
  readonly #upload: HTMLButtonElement
  readonly #retryAll: HTMLButtonElement
  readonly #cancelAll: HTMLButtonElement
  readonly #clearFinished: HTMLButtonElement

  constructor(doc: Document, options: TotalBarOptions) {
    const { uploader, messages } = options
    this.#options = options
    const button = (
      key: 'upload' | 'retryAll' | 'cancelAll' | 'clearFinished',
      onClick: () => void,
      primary = false,
    ) =>
      createButton(doc, viewText(messages, key), onClick, {
        class: cx(classNames.button, primary && classNames.buttonPrimary),
      })
    this.#upload = button('upload', () => void uploader.upload(), true)
    this.#retryAll = button('retryAll', () => uploader.retryAll())
    this.#cancelAll = button('cancelAll', () => uploader.cancelAll())
    this.#clearFinished = button('clearFinished', () => uploader.clearFinished())
    this.#progress = createElement(doc, 'progress', {
      class: cx(classNames.progress, classNames.progressTotal),
      max: 100,
    })
    this.#text = createElement(doc, 'span', { class: classNames.totalText })
    this.#actions = createElement(doc, 'div', { class: classNames.actions })
    this.element = createElement(doc, 'div', { class: classNames.total }, [
      this.#progress,
      this.#text,
      this.#actions,
    ])
  }

  /** Updates the row (the bar only while there are bytes to count); returns false when there are no files. */
  update(snapshot: UploaderSnapshot): boolean {
    const model = totalProgress(snapshot, this.#options.messages, this.#options.intl)
    if (!model.visible) return false
    setAttribute(this.#progress, 'value', model.percent)
    setAttribute(this.#progress, 'aria-label', model.label)
    setAttribute(this.#progress, 'aria-valuetext', model.valueText)
    setText(this.#text, [model.summary, model.speed, model.eta].filter(Boolean).join(' · '))
    const canUpload = this.#options.showUpload && snapshot.counts.queued > 0
    const buttons: HTMLButtonElement[] = []
    if (canUpload) buttons.push(this.#upload)
    if (model.canRetryAll) buttons.push(this.#retryAll)
    if (model.canCancelAll) buttons.push(this.#cancelAll)
    if (model.canClearFinished) buttons.push(this.#clearFinished)
    syncChildren(this.#actions, buttons)
    const parts = [this.#progress, this.#text, this.#actions]
    syncChildren(this.element, model.showBar ? parts : parts.slice(1))
    return true
  }
}
