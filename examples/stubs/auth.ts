// Stands in for an auth library's session helper (`import { auth } from '@/auth'` in a Next.js app).
export declare function auth(): Promise<{ user?: { id?: string } } | null>
