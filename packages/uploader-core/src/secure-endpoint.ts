/** True for localhost, 127.0.0.0/8 and [::1]. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase()
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' || // URL.hostname keeps the brackets of an IPv6 address
    /^127(\.\d{1,3}){3}$/.test(host)
  )
}

/**
 * An endpoint is acceptable when it is https, loopback http, or relative (same origin as the page,
 * which the browser already chose). Returns false for anything else.
 */
export function isSecureEndpoint(url: string): boolean {
  if (!/^[a-z][a-z\d+.-]*:/i.test(url)) return !url.startsWith('//')
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === 'https:') return true
  return parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)
}
