/** `{count, plural, one {# file} other {# files}}`: a variable, then its forms by plural category. */
const PLURAL = /\{(\w+), plural,((?:\s*=?\w+\s*\{[^{}]*\})+)\s*\}/g

/** The form for `count` in the table's language (`lang`): `=N` first, then its category, then `other`. */
function pluralForm(forms: string, count: number, lang: string | undefined): string {
  const form = (key: string) => forms.match(new RegExp(`(?:^|\\s)${key}\\s*\\{([^{}]*)\\}`))?.[1]
  const text = form(`=${count}`) ?? form(new Intl.PluralRules(lang).select(count)) ?? form('other')
  return (text ?? '').replace(/#/g, String(count))
}

/**
 * Fills `{placeholders}` in a message; unknown placeholders are left as written. Counts take a plural
 * form, an ICU subset: `{count, plural, =0 {no files} one {# file} other {# files}}`, chosen by
 * `Intl.PluralRules` in the table's `lang` (the runtime's language when it has none); `#` is the count.
 */
export function formatMessage<M extends { readonly [key: string]: string | undefined }>(
  messages: M,
  key: keyof M & string,
  vars: Readonly<Record<string, string | number>> = {},
): string {
  return (messages[key] ?? key)
    .replace(PLURAL, (whole, name: string, forms: string) =>
      name in vars ? pluralForm(forms, Number(vars[name]), messages.lang) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
}
