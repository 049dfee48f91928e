/**
 * Downloads that need the access token (a plain link cannot send a header): fetched, then saved
 * from a blob under the server's file name.
 */
import { ApiError, apiErrorOf, apiErrorOfStatus, refusedToken } from './client.ts';
import { authHeaders, getToken } from './token.ts';

/** The file name of a `Content-Disposition` header (`filename*=UTF-8''…` preferred), or the fallback. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return safeName(decodeURIComponent(star[1].trim()), fallback);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  const name = plain ? (plain[2] ?? plain[1] ?? '').trim() : '';
  return safeName(name, fallback);
}

/** No paths, nothing empty. */
function safeName(name: string, fallback: string): string {
  const base = name.split(/[/\\]/).pop()?.trim() ?? '';
  return base === '' || base === '.' || base === '..' ? fallback : base;
}

export async function downloadWithToken(url: string, fallbackName: string, signal?: AbortSignal): Promise<void> {
  const token = getToken();
  let res: Response;
  try {
    res = await fetch(url, { headers: authHeaders(token), signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError('NETWORK', (e as Error).message);
  }
  if (!res.ok) {
    let error = apiErrorOfStatus(res.status);
    try {
      const body = (await res.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
      if (body.errors?.[0]) error = apiErrorOf(body.errors[0], res.status);
    } catch {
      // not JSON: the status says enough
    }
    refusedToken(token, error);
    throw error;
  }
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filenameFromDisposition(res.headers.get('content-disposition'), fallbackName);
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the blob goes.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
