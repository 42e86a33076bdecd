/** Fills `{placeholders}` in a message; unknown placeholders are left as written. */
export function formatMessage<M extends { readonly [key: string]: string }>(
  messages: M,
  key: keyof M & string,
  vars: Readonly<Record<string, string | number>> = {},
): string {
  return (messages[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  )
}
