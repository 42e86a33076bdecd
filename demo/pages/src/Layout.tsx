import type { ReactNode } from 'react'
import type { DemoConfig } from './demo-config.js'

const LINKS = [
  { href: '/', label: 'React component' },
  { href: '/script.html', label: '<script> tag' },
  { href: '/gallery.html', label: 'Gallery' },
  { href: '/faults.html', label: 'Fault panel' },
] as const

export interface LayoutProps {
  current: (typeof LINKS)[number]['href']
  title: string
  intro: ReactNode
  config: DemoConfig | null
  children: ReactNode
}

export function ModeBadge({ config }: { config: DemoConfig | null }) {
  if (!config) return null
  return config.mode === 'emulator' ? (
    <span className="demo-badge">Local ImageKit emulator</span>
  ) : (
    <span className="demo-badge demo-badge--live">Real ImageKit account</span>
  )
}

/** The frame every demo page shares: brand, navigation, mode badge, a heading and an intro. */
export function Layout({ current, title, intro, config, children }: LayoutProps) {
  return (
    <>
      <header className="demo-header">
        <a className="demo-brand" href="/">
          Upkit
        </a>
        <nav aria-label="Demo pages">
          <ul className="demo-nav">
            {LINKS.map((link) => (
              <li key={link.href}>
                <a href={link.href} aria-current={link.href === current ? 'page' : undefined}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <ModeBadge config={config} />
      </header>
      <main className="demo-main">
        <h1>{title}</h1>
        <div className="demo-intro">{intro}</div>
        {children}
      </main>
      <footer className="demo-footer">
        Upkit demo · also try{' '}
        <a href="/imagekit-sdk.html">ImageKit’s own JavaScript SDK against this server</a> and the Next.js
        example in <code>demo/next</code>.
      </footer>
    </>
  )
}
