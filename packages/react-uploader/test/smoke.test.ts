import { expect, test } from 'vitest'
import { placeholder } from '../src/index.ts'

test('source resolution', () => {
  expect(placeholder).toBe('react+core')
})
