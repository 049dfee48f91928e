/** POST /import answers: a report, or the problems with file, line and field; base64 of large files. */
import { describe, expect, it } from 'vitest';
import { bytesToBase64, parseImportResponse } from './import.ts';

describe('parseImportResponse', () => {
  it('reads a dry-run report', () => {
    const result = { created: { actors: 3, participations: 5 }, updated: { actors: 1 }, unchanged: { regions: 400 } };
    const warnings = [{ file: 'actors.csv', line: 4, field: 'website', message: '"k. A." read as missing' }];
    const body = { dryRun: true, result: { ...result, warnings, warningCount: 1234 }, files: ['actors.csv', 'participations.csv'], format: 'csv-template' };
    expect(parseImportResponse(200, JSON.stringify(body))).toEqual({ ok: true, report: { ...body, result, warnings, warningCount: 1234, placement: null } });
  });

  it('reads the placement report', () => {
    const placement = {
      actors: 5,
      given: 1,
      placed: 2,
      byMethod: [{ method: 'ags', count: 2, examples: [] }],
      foreign: 1,
      notPlaced: 1,
      byReason: [{ reason: 'postcode_only', count: 1, examples: [{ file: 'actors.csv', line: 4, name: 'X', detail: 'postcode 01069 only: no postcode table shipped' }] }],
      regionsAdded: 3,
    };
    const r = parseImportResponse(200, JSON.stringify({ dryRun: true, result: { created: {}, updated: {}, unchanged: {}, placement } }));
    expect(r.ok && r.report.placement).toEqual(placement);
  });

  it('ignores what is not a count', () => {
    const r = parseImportResponse(200, JSON.stringify({ dryRun: false, result: { created: { actors: 2, note: 'x' }, updated: null, unchanged: {} } }));
    expect(r).toEqual({ ok: true, report: { dryRun: false, result: { created: { actors: 2 }, updated: {}, unchanged: {} }, files: [], format: '', warnings: [], warningCount: 0, placement: null } });
  });

  it('lists every problem of a rejected import', () => {
    const body = {
      errors: [
        {
          message: '2 problems',
          extensions: { code: 'BAD_USER_INPUT', issues: [{ file: 'actors.csv', line: 3, field: 'kind', message: 'unknown kind "firma"' }, { file: 'actors.csv', line: 9, message: 'missing name' }] },
        },
      ],
    };
    const r = parseImportResponse(422, JSON.stringify(body));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('BAD_USER_INPUT');
    expect(r.issues).toEqual([
      { file: 'actors.csv', line: 3, field: 'kind', message: 'unknown kind "firma"' },
      { file: 'actors.csv', line: 9, field: null, message: 'missing name' },
    ]);
  });

  it('names refused access and bodies that are not JSON', () => {
    const r = parseImportResponse(403, JSON.stringify({ errors: [{ message: 'viewer', extensions: { code: 'FORBIDDEN' } }] }));
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
    expect(!r.ok && r.issues).toEqual([]);
    const tooLarge = parseImportResponse(413, '<html>Payload Too Large</html>');
    expect(!tooLarge.ok && tooLarge.error.extensions.status).toBe(413);
    const noCode = parseImportResponse(401, JSON.stringify({ errors: [{ message: 'no token' }] }));
    expect(!noCode.ok && noCode.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('bytesToBase64', () => {
  it('matches Node for small and chunked inputs', () => {
    for (const n of [0, 1, 2, 3, 100, 0x8000 + 7, 200_000]) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 31 + 7) % 256);
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('keeps UTF-8 text (umlauts, BOM) byte for byte', () => {
    const text = '\uFEFFid,name\na-x,Stadtwerke Görlitz – Straße\n';
    const bytes = new TextEncoder().encode(text);
    expect(Buffer.from(bytesToBase64(bytes), 'base64').toString('utf8')).toBe(text);
  });
});
