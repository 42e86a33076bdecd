import { render, screen } from '@testing-library/react'
import { FakeUploader } from '@upkit/test-support'
import { version } from 'react'
import { version as domVersion } from 'react-dom'
import { expect, it } from 'vitest'
import { Uploader } from '../src/index.js'

it('runs on the React major this project is for', () => {
  const major = process.env.UPKIT_EXPECT_REACT
  expect(major).toMatch(/^1[89]$/)
  expect(version.startsWith(`${major}.`)).toBe(true)
  expect(domVersion.startsWith(`${major}.`)).toBe(true)
  render(<Uploader uploader={new FakeUploader()} />)
  expect(screen.getByRole('button', { name: /drag files here/i })).toBeInTheDocument()
})
