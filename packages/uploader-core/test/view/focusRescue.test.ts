import { afterEach, describe, expect, it } from 'vitest'
import { rememberFocus, rescueFocus } from '../../src/view/index.js'

let root: HTMLElement

function widget(html: string): HTMLElement {
  root = document.createElement('div')
  root.innerHTML = `<div class="upkit-dropzone" tabindex="0"></div>${html}`
  document.body.append(root)
  return root
}

afterEach(() => root.remove())

const button = (selector: string) => root.querySelector<HTMLElement>(selector) as HTMLElement

describe('rescueFocus', () => {
  it('moves focus to the first button left in the same group', () => {
    widget('<ul><li><div class="upkit-file-actions"><button id="cancel">Cancel</button></div></li></ul>')
    const spot = rememberFocus(button('#cancel'))
    button('#cancel').replaceWith(Object.assign(document.createElement('button'), { id: 'retry' }))
    rescueFocus(spot, root)
    expect(document.activeElement).toBe(button('#retry'))
  })

  it('moves focus to the row now at the same index when the row is gone, else to the drop zone', () => {
    widget('<ul><li><button id="a">Remove</button></li><li><button id="b">Remove</button></li></ul>')
    const first = rememberFocus(button('#a'))
    button('#a').closest('li')?.remove()
    rescueFocus(first, root)
    expect(document.activeElement).toBe(button('#b'))
    const last = rememberFocus(button('#b'))
    button('#b').closest('li')?.remove()
    rescueFocus(last, root)
    expect(document.activeElement).toBe(button('.upkit-dropzone'))
  })

  it('leaves focus the user put elsewhere', () => {
    widget('<ul><li><button id="a">Remove</button></li></ul>')
    const outside = document.createElement('input')
    root.append(outside)
    const spot = rememberFocus(button('#a'))
    button('#a').remove()
    outside.focus()
    rescueFocus(spot, root)
    expect(document.activeElement).toBe(outside)
  })
})
