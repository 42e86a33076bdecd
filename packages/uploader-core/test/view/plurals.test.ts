import { describe, expect, it } from 'vitest'
import { formatMessage } from '../../src/format-message.js'
import { de } from '../../src/locales/de.js'
import { en } from '../../src/locales/en.js'
import { fr } from '../../src/locales/fr.js'

describe('plural forms', () => {
  it('picks the form by Intl.PluralRules in the table’s language', () => {
    expect(formatMessage(en, 'announceAdded', { count: 1 })).toBe('1 file added.')
    expect(formatMessage(en, 'announceAdded', { count: 0 })).toBe('0 files added.')
    expect(formatMessage(en, 'announceAdded', { count: 2 })).toBe('2 files added.')
    // French: 0 and 1 are singular
    expect(formatMessage(fr, 'announceAdded', { count: 0 })).toBe('0 fichier ajouté.')
    expect(formatMessage(fr, 'announceAdded', { count: 3 })).toBe('3 fichiers ajoutés.')
    expect(formatMessage(de, 'announceAdded', { count: 1 })).toBe('1 Datei hinzugefügt.')
    expect(formatMessage(de, 'announceRejected', { count: 2 })).toBe(
      '2 Dateien konnten nicht hinzugefügt werden.',
    )
  })

  it('takes =N forms first, other as the fallback, and leaves a missing count as written', () => {
    const table = { lang: 'en', k: '{n, plural, =0 {none} one {# item} other {# items}} in {place}' }
    expect(formatMessage(table, 'k', { n: 0, place: 'the list' })).toBe('none in the list')
    expect(formatMessage(table, 'k', { n: 1, place: 'the list' })).toBe('1 item in the list')
    expect(formatMessage({ k: '{n, plural, other {# x}}' }, 'k', { n: 1 })).toBe('1 x')
    expect(formatMessage(table, 'k')).toBe(table.k)
  })

  it('leaves no "(s)" in any locale', () => {
    for (const table of [en, de, fr]) {
      for (const [key, text] of Object.entries(table)) expect(`${key}: ${text}`).not.toMatch(/\((s|en|e)\)/)
    }
  })
})
