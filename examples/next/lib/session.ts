/**
 * Stands in for your auth library's session lookup: this one trusts a `user=<id>` cookie, which a real app
 * must never do.
 */
export async function getSession(request: Request): Promise<{ user: { id: string } } | null> {
  const id = /(?:^|;\s*)user=([\w-]+)/.exec(request.headers.get('cookie') ?? '')?.[1]
  return id ? { user: { id } } : null
}
