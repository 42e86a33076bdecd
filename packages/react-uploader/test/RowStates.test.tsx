import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { FakeUploader, fakeFile, fakeSnapshot } from '@upkit/test-support'
import { fr } from '@upkit/uploader-core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Uploader } from '../src/index.js'
import { axeViolations } from './axe.js'
import { stubObjectUrls } from './objectUrls.js'

beforeEach(() => {
  stubObjectUrls()
})
afterEach(() => {
  vi.unstubAllGlobals()
})

const result = {
  fileId: 'f1',
  name: 'a.png',
  filePath: '/a.png',
  url: 'https://ik.imagekit.io/demo/a.png',
  size: 2048,
}
const rowOf = (name: string) => screen.getByText(name, { selector: '.upkit-file-name' }).closest('li')!

function showing(...files: Parameters<typeof fakeSnapshot>) {
  const uploader = new FakeUploader()
  render(<Uploader uploader={uploader} />)
  act(() => uploader.set(fakeSnapshot(...files)))
  return uploader
}

describe('<Uploader> rows tell the truth', () => {
  it('a failed or cancelled row has no progress bar, only its status', () => {
    showing([fakeFile('a', 'error', { percent: 95 }), fakeFile('b', 'cancelled', { percent: 90 })])
    expect(within(rowOf('a.png')).queryByRole('progressbar')).toBeNull()
    expect(within(rowOf('a.png')).getByText('Failed')).toBeInTheDocument()
    expect(within(rowOf('b.png')).queryByRole('progressbar')).toBeNull()
    expect(within(rowOf('b.png')).getByText('Cancelled')).toBeInTheDocument()
  })

  it('a retrying row says why and counts down from the engine’s retry time', () => {
    vi.useFakeTimers({ now: 100_000 })
    try {
      showing([fakeFile('a', 'retrying', { nextRetryAt: 104_000, retryReason: 'server-busy' })])
      expect(screen.getByText('Server busy — retrying in 4 s')).toBeInTheDocument()
      act(() => vi.advanceTimersByTime(1000))
      expect(screen.getByText('Server busy — retrying in 3 s')).toBeInTheDocument()
    } finally {
      vi.useRealTimers()
    }
  })

  it('an upload that stops moving says so, and the total gives no time left', () => {
    vi.useFakeTimers({ now: 100_000 })
    try {
      const file = fakeFile('a', 'uploading', { percent: 99, bytesUploaded: 2000, progressAt: 100_000 })
      showing([file], { eta: 1, speed: 1000 })
      expect(screen.getByText('Uploading 99%')).toBeInTheDocument()
      expect(screen.getByText(/1 sec left/)).toBeInTheDocument()
      act(() => vi.advanceTimersByTime(5000))
      expect(screen.getByText('Waiting for the network…')).toBeInTheDocument()
      expect(screen.queryByText(/sec left/)).toBeNull()
    } finally {
      vi.useRealTimers()
    }
  })

  it('the total shows the outcome once nothing is left to send, with no bar when nothing was stored', () => {
    showing([fakeFile('a', 'error'), fakeFile('b', 'cancelled')], {
      bytesUploaded: 0,
      bytesTotal: 0,
      percent: 0,
    })
    expect(screen.getByText('1 failed · 1 cancelled')).toBeInTheDocument()
    expect(screen.queryByRole('progressbar', { name: 'Total upload progress' })).toBeNull()
  })
})

describe('<Uploader> a stored file', () => {
  it('links to its ImageKit URL in a new tab, and is accessible', async () => {
    showing([fakeFile('a', 'success', { percent: 100, result })], { percent: 100 })
    const link = screen.getByRole('link', { name: 'a.png (opens in a new tab)' })
    expect(link).toHaveAttribute('href', result.url)
    expect(link).toHaveAttribute('target', '_blank')
    expect(link).toHaveAttribute('rel', 'noopener')
    expect(await axeViolations(document.querySelector('.upkit')!)).toEqual([])
  })

  it('Copy link puts the URL on the clipboard and says "Link copied"', async () => {
    const writeText = vi.fn(async () => {})
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    showing([fakeFile('a', 'success', { percent: 100, result })])
    await userEvent.click(screen.getByRole('button', { name: 'Copy link to a.png' }))
    expect(writeText).toHaveBeenCalledWith(result.url)
    expect(await within(rowOf('a.png')).findByText('Link copied')).toBeInTheDocument()
  })

  it('without a clipboard, shows the link to copy by hand', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined })
    showing([fakeFile('a', 'success', { percent: 100, result })])
    await userEvent.click(screen.getByRole('button', { name: 'Copy link to a.png' }))
    expect(
      await within(rowOf('a.png')).findByText(`Copying is not available here. The link: ${result.url}`),
    ).toBeInTheDocument()
  })

  it('is localised', () => {
    const uploader = new FakeUploader()
    render(<Uploader uploader={uploader} locale={fr} intlLocale="fr" />)
    act(() =>
      uploader.set(fakeSnapshot([fakeFile('a', 'success', { percent: 100, result })], { percent: 100 })),
    )
    expect(screen.getByRole('button', { name: 'Copier le lien de a.png' })).toHaveTextContent(
      'Copier le lien',
    )
    expect(screen.getByRole('link', { name: 'a.png (s’ouvre dans un nouvel onglet)' })).toBeInTheDocument()
    expect(screen.getByText('1 envoyé')).toBeInTheDocument()
  })
})
