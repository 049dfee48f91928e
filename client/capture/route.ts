/** Which live-capture page an address asks for: a participant's short link or a moderator's queue. */
export function capturePageOf(pathname: string): { page: 'participant' | 'moderator'; id: string } | null {
  const p = /^\/c\/([A-Za-z0-9_-]{4,64})\/?$/.exec(pathname);
  if (p?.[1]) return { page: 'participant', id: p[1] };
  const m = /^\/capture\/([a-z0-9-]{3,64})\/?$/.exec(pathname);
  if (m?.[1]) return { page: 'moderator', id: m[1] };
  return null;
}
