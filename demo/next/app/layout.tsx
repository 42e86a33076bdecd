import '@upkit/uploader-core/styles.css'
import type { Metadata } from 'next'
import type { ReactNode } from 'react'

export const metadata: Metadata = {
  title: 'Upkit · Next.js App Router example',
  description: 'Direct browser-to-ImageKit uploads with <Uploader> and a signing route.',
  icons: { icon: 'data:,' },
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ margin: 0, fontFamily: 'system-ui, sans-serif', lineHeight: 1.5 }}>{children}</body>
    </html>
  )
}
