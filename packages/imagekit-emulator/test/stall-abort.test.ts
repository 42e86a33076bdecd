// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { eventually, type Harness, harness, signed, stopHarness } from './helpers.js'

let h: Harness | undefined
afterEach(async () => {
  await stopHarness(h)
  h = undefined
})

// A small body arrives whole with the headers, so the request is "complete" before it is read:
// closing it must still end the held request, or stop() would wait for it forever.
describe.each([undefined, 1500])('a browser XHR aborted during a stall (ms: %s)', (ms) => {
  it('stores nothing and stop() returns', async () => {
    const current = await harness()
    h = current
    current.emu.faults.add({ action: ms === undefined ? { type: 'stall' } : { type: 'stall', ms } })
    const xhr = new XMLHttpRequest()
    xhr.open('POST', current.emu.uploadUrl)
    const data = new FormData()
    for (const [name, value] of Object.entries({ ...signed(current), fileName: 'a.png' }))
      data.append(name, value)
    data.append('file', new Blob([new Uint8Array(70)]), 'a.png')
    xhr.send(data)
    await eventually(() => current.emu.stats().requests === 1)
    xhr.abort()
    await current.emu.stop()
    expect(current.emu.tempFiles()).toEqual([])
    expect(await current.emu.files()).toEqual([])
    h = await harness({ dataDir: current.dir })
  })
})
