'use client'
import type { FileState } from '@upkit/uploader-core'
import { canPreview, classNames, cx } from '@upkit/uploader-core/view'
import { useEffect, useState } from 'react'

function FileIcon() {
  return (
    <span className={cx(classNames.thumb, classNames.thumbIcon)} aria-hidden="true">
      <svg viewBox="0 0 24 24" width="24" height="24" focusable="false" aria-hidden="true">
        <path
          fill="currentColor"
          d="M6 2h8l6 6v12a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2Zm7 1.5V9h5.5L13 3.5Z"
        />
      </svg>
    </span>
  )
}

/**
 * An image preview from an object URL. The URL is created in an effect (never on the server) and
 * revoked when the row goes away or the file changes.
 */
export function Thumbnail({ file }: { file: FileState }) {
  const previewable = canPreview(file)
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    if (!previewable) return undefined
    const objectUrl = URL.createObjectURL(file.data)
    setUrl(objectUrl)
    return () => {
      URL.revokeObjectURL(objectUrl)
      setUrl(null)
    }
  }, [file.data, previewable])
  if (!previewable || url === null) return <FileIcon />
  return <img className={classNames.thumb} src={url} alt="" width={44} height={44} decoding="async" />
}
