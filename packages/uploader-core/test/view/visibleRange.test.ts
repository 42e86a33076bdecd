import { fakeFile } from '@upkit/test-support'
import { afterEach, describe, expect, it } from 'vitest'
import {
  listWindow,
  OVERSCAN,
  readListView,
  startView,
  VIRTUAL_AFTER,
  visibleRange,
} from '../../src/view/index.js'

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i)

describe('visibleRange', () => {
  it('at the top: the rows in view plus the overscan below, space for the rest', () => {
    // 400 px of 50 px rows: rows 0–7 are in view.
    expect(visibleRange(0, 400, 50, 10_000, 8)).toEqual({
      indices: range(0, 16),
      before: 0,
      after: (10_000 - 16) * 50,
    })
  })

  it('in the middle: overscan on both sides, space standing in for the rows not drawn', () => {
    const { indices, before, after } = visibleRange(5_000 * 50 + 20, 400, 50, 10_000, 8)
    expect(indices).toEqual(range(4_992, 5_017))
    expect(before).toBe(4_992 * 50)
    expect(before + indices.length * 50 + after).toBe(10_000 * 50)
  })

  it('at the end, and past it (a list that just shrank), the last rows', () => {
    expect(visibleRange(10_000 * 50 - 400, 400, 50, 10_000, 8).indices).toEqual(range(9_984, 10_000))
    const past = visibleRange(10_000 * 50, 400, 50, 120, 8)
    expect(past.indices).toEqual(range(112, 120))
    expect(past.after).toBe(0)
  })

  it('keeps a focused row out of view in the slot just outside the drawn rows', () => {
    const above = visibleRange(5_000 * 50, 400, 50, 10_000, 8, 3)
    expect(above.indices[0]).toBe(3)
    expect(above.indices.slice(1)).toEqual(range(4_992, 5_016))
    expect(above.before).toBe(4_991 * 50)
    const below = visibleRange(0, 400, 50, 10_000, 8, 9_000)
    expect(below.indices).toEqual([...range(0, 16), 9_000])
    expect(below.after).toBe((10_000 - 17) * 50)
    // In view already: drawn once, in its place.
    expect(visibleRange(0, 400, 50, 10_000, 8, 2).indices).toEqual(range(0, 16))
  })
})

describe('listWindow and readListView', () => {
  let list: HTMLUListElement
  afterEach(() => list?.remove())

  it('short lists are drawn whole; long ones as a window that keeps the focused file', () => {
    const short = Array.from({ length: VIRTUAL_AFTER }, (_, i) => fakeFile(`f${i}`, 'queued'))
    expect(listWindow(short, startView)).toBeNull()
    const long = Array.from({ length: 10_000 }, (_, i) => fakeFile(`f${i}`, 'queued'))
    const top = listWindow(long, startView)
    expect(top?.indices).toHaveLength(Math.ceil(startView.height / startView.row) + OVERSCAN)
    const focused = { ...startView, top: 9_000 * startView.row, focused: 'f3' }
    expect(listWindow(long, focused)?.indices[0]).toBe(3)
  })

  it('reads scroll offset, viewport and the focused row’s file, and returns the same view if nothing moved', () => {
    const files = Array.from({ length: 200 }, (_, i) => fakeFile(`f${i}`, 'queued'))
    list = document.createElement('ul')
    list.innerHTML = '<li aria-posinset="41"><button>Remove</button></li><li aria-posinset="42"></li>'
    document.body.append(list)
    Object.defineProperty(list, 'clientHeight', { value: 300, configurable: true })
    Object.defineProperty(list, 'scrollTop', { value: 2_880, configurable: true })
    const view = readListView(list, files, startView)
    // jsdom has no layout: the row pitch stays the estimate.
    expect(view).toEqual({ top: 2_880, height: 300, row: startView.row, focused: undefined })
    expect(readListView(list, files, view)).toBe(view)
    list.querySelector('button')?.focus()
    expect(readListView(list, files, view).focused).toBe('f40')
  })
})
