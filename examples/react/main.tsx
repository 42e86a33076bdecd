import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { Photos } from './Photos'

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Photos />
    </StrictMode>,
  )
}
