'use client'
import { classNames, cx } from '@upkit/uploader-core/view'

/** Polite status region: screen readers read its text when it changes. */
export function LiveRegion({ text }: { text: string }) {
  return (
    <div
      className={cx(classNames.live, classNames.srOnly)}
      role="status"
      aria-live="polite"
      aria-atomic="true"
    >
      {text}
    </div>
  )
}
