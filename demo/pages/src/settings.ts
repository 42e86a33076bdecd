/** The React page's settings panel, as typed by a person (strings), and their parsed form. */
export interface DemoSettings {
  folder: string
  tags: string
  maxFileSizeMb: string
  allowedTypes: string
  maxFiles: string
  concurrency: string
  locale: 'en' | 'de' | 'fr'
}

export const DEFAULT_SETTINGS: DemoSettings = {
  folder: '',
  tags: 'demo',
  maxFileSizeMb: '25',
  allowedTypes: '',
  maxFiles: '20',
  concurrency: '3',
  locale: 'en',
}

export interface ParsedSettings {
  folder?: string
  tags?: string[]
  restrictions: { maxFileSize?: number; allowedFileTypes?: string[]; maxNumberOfFiles?: number }
  concurrency: number
  locale: DemoSettings['locale']
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
}

function positive(value: string): number | undefined {
  const parsed = Number(value)
  return Number.isFinite(parsed) && parsed > 0 ? parsed : undefined
}

/** The largest "Max file size (MB)" the panel takes: the route's limit in the widget's decimal MB, one decimal. */
export function maxFileSizeMb(limitBytes: number): number {
  return Math.floor(limitBytes / 100_000) / 10
}

/** `limitBytes`: the signing route's limit (DemoConfig.maxFileSize); a larger setting is capped at it. */
export function parseSettings(settings: DemoSettings, limitBytes = Number.POSITIVE_INFINITY): ParsedSettings {
  const parsed: ParsedSettings = {
    restrictions: {},
    concurrency: Math.max(1, Math.min(10, Math.round(positive(settings.concurrency) ?? 3))),
    locale: settings.locale,
  }
  const folder = settings.folder.trim()
  if (folder) parsed.folder = folder
  const tags = list(settings.tags)
  if (tags.length) parsed.tags = tags
  const maxMb = positive(settings.maxFileSizeMb)
  if (maxMb) parsed.restrictions.maxFileSize = Math.min(limitBytes, Math.round(maxMb * 1_000_000)) // decimal MB, as the widget shows sizes
  const types = list(settings.allowedTypes)
  if (types.length) parsed.restrictions.allowedFileTypes = types
  const maxFiles = positive(settings.maxFiles)
  if (maxFiles) parsed.restrictions.maxNumberOfFiles = Math.round(maxFiles)
  return parsed
}

/** Settings live in the page's URL, so a reload (or a test) can start from any of them. */
export function settingsFromUrl(search: string): DemoSettings {
  const params = new URLSearchParams(search)
  const settings = { ...DEFAULT_SETTINGS }
  for (const key of Object.keys(settings) as (keyof DemoSettings)[]) {
    const value = params.get(key)
    if (value === null) continue
    if (key === 'locale') {
      if (value === 'en' || value === 'de' || value === 'fr') settings.locale = value
    } else settings[key] = value
  }
  return settings
}

export function settingsToUrl(settings: DemoSettings): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(settings)) {
    if (value !== DEFAULT_SETTINGS[key as keyof DemoSettings]) params.set(key, value)
  }
  const query = params.toString()
  return query ? `?${query}` : location.pathname
}
