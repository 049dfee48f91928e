/** The file name of a download with a token comes from the server's Content-Disposition. */
import { describe, expect, it } from 'vitest';
import { filenameFromDisposition } from './download.ts';

describe('filenameFromDisposition', () => {
  it('reads quoted, bare and RFC 5987 names', () => {
    expect(filenameFromDisposition('attachment; filename="netzwerkatlas-2024-05-01.xlsx"', 'x')).toBe('netzwerkatlas-2024-05-01.xlsx');
    expect(filenameFromDisposition('attachment; filename=atlas.gexf', 'x')).toBe('atlas.gexf');
    expect(filenameFromDisposition(`attachment; filename="a.json"; filename*=UTF-8''Netzwerk%20G%C3%B6rlitz.json`, 'x')).toBe('Netzwerk Görlitz.json');
  });

  it('falls back without a usable name, and never returns a path', () => {
    expect(filenameFromDisposition(null, 'netzwerkatlas.json')).toBe('netzwerkatlas.json');
    expect(filenameFromDisposition('attachment', 'f.cypher')).toBe('f.cypher');
    expect(filenameFromDisposition('attachment; filename=""', 'f.cypher')).toBe('f.cypher');
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"', 'f')).toBe('passwd');
    expect(filenameFromDisposition('attachment; filename=".."', 'f')).toBe('f');
  });
});
