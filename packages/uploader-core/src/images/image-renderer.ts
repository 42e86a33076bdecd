import { canUseWorker, ImageWorker, WorkerUnavailable } from './image-worker.js'
import {
  type AnyCanvas,
  type RenderEnv,
  type RenderPlan,
  type RenderResult,
  renderImage,
} from './render-image.js'

/** Main-thread rendering: a yield to the event loop between steps (so no task runs long), and an abort check after each. */
function mainThreadEnv(signal: AbortSignal): RenderEnv {
  return {
    canvas(width, height): AnyCanvas {
      if (typeof OffscreenCanvas === 'function') return new OffscreenCanvas(width, height)
      const canvas = document.createElement('canvas')
      canvas.width = width
      canvas.height = height
      return canvas
    },
    async pause() {
      await new Promise((resolve) => setTimeout(resolve, 0))
      signal.throwIfAborted()
    },
  }
}

/** Renders in a worker where the browser has one with OffscreenCanvas, else (or once the worker fails to start) on the main thread. */
export class ImageRenderer {
  #worker: ImageWorker | undefined = canUseWorker() ? new ImageWorker() : undefined

  get usesWorker(): boolean {
    return this.#worker !== undefined
  }

  async render(blob: Blob, plan: RenderPlan, signal: AbortSignal): Promise<RenderResult | null> {
    if (this.#worker) {
      try {
        return await this.#worker.render(blob, plan, signal)
      } catch (error) {
        if (signal.aborted || !(error instanceof WorkerUnavailable || isSecurityError(error))) throw error
        this.#worker.terminate()
        this.#worker = undefined
      }
    }
    if (typeof createImageBitmap !== 'function') throw new Error('this browser has no createImageBitmap')
    const result = await renderImage(blob, plan, mainThreadEnv(signal))
    signal.throwIfAborted()
    return result
  }
}

const isSecurityError = (error: unknown) => error instanceof DOMException && error.name === 'SecurityError'
