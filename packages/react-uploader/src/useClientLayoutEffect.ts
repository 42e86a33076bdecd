'use client'
import { useEffect, useLayoutEffect } from 'react'

/** `useLayoutEffect` in the browser; on the server (where it warns in React 18) a no-op `useEffect`. */
export const useClientLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect
