// Runs in the page: adds files to a widget's engine, counts rows, and scrolls the list while it
// records frame times (requestAnimationFrame deltas). Both page entries call `install`.
import type { Uploader } from '../../packages/uploader-core/src/index.js'

export interface ScrollResult {
  /** rAF deltas (ms) while scrolling. */
  frames: number[]
  /** Frames whose list middle showed no row (the window lagged behind the scroll). */
  blank: number
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))
const list = () => document.querySelector<HTMLElement>('ul.upkit-files') as HTMLElement

/** The file name shown at a point of the list (`at`: 0 = top edge, 1 = bottom edge). */
function nameAt(at: number): string | null {
  const box = list().getBoundingClientRect()
  const y = Math.min(box.bottom - 2, Math.max(box.top + 2, box.top + box.height * at))
  // Probe twice, 10 px apart: one point may fall in the gap between two rows.
  for (const probe of [y, y + (at > 0.5 ? -10 : 10)]) {
    const row = document.elementFromPoint(box.left + box.width / 3, probe)?.closest('li.upkit-file')
    if (row) return row.querySelector('.upkit-file-name')?.textContent ?? null
  }
  return null
}

/** Moves the list by `step` px per frame for `count` frames (from `from`), recording frame times. */
async function scroll(from: number, step: number, count: number): Promise<ScrollResult> {
  const element = list()
  element.scrollTop = from
  await nextFrame()
  let last = await nextFrame()
  const frames: number[] = []
  let blank = 0
  for (let i = 0; i < count; i++) {
    element.scrollTop += step
    const now = await nextFrame()
    frames.push(now - last)
    last = now
    if (nameAt(0.5) === null) blank++
  }
  return { frames, blank }
}

async function add(uploader: Uploader | null, count: number): Promise<number> {
  if (!uploader) return controlList(count)
  const files = Array.from(
    { length: count },
    (_, i) => new File([`file ${i}`], `file-${String(i).padStart(5, '0')}.txt`, { type: 'text/plain' }),
  )
  const started = performance.now()
  await uploader.addFiles(files)
  while (
    document.querySelector('li.upkit-file[aria-posinset]')?.getAttribute('aria-setsize') !== String(count)
  )
    await nextFrame()
  return performance.now() - started
}

/** The control page: as tall as the widget's list of `count` rows would be, nothing redrawn on scroll. */
function controlList(count: number): number {
  const pitch = 82
  const last = list().lastElementChild as HTMLElement
  last.style.marginBottom = `${(count - 14) * pitch}px`
  return 0
}

export function install(uploader: Uploader | null): void {
  Object.assign(window, {
    bench: {
      uploader,
      add: (count: number) => add(uploader, count),
      rows: () => document.querySelectorAll('li.upkit-file').length,
      elements: () => document.getElementsByTagName('*').length,
      maxScroll: () => list().scrollHeight - list().clientHeight,
      scroll,
      nameAt,
    },
  })
}
