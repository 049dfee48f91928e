/**
 * The capture storage contract: both stores keep live-capture sessions and submissions alike
 * (order, lookup by code, compare-and-set of submissions, approved ones across sessions, untouched by clear()).
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CaptureSessionRecord, CaptureSubmissionRecord } from '../../server/capture/capture.model.ts';
import type { GraphStore } from '../../server/store/graph-store.ts';

export function captureContract(name: string, open: () => Promise<GraphStore>): void {
  describe(`capture storage contract: ${name}`, () => {
    const run = randomBytes(4).toString('hex');
    const session = (id: string, createdAt: string): CaptureSessionRecord => ({
      id: `${run}-${id}`,
      name: `Workshop ${id}`,
      date: '2027-03-12',
      code: `code-${run}-${id}`,
      createdAt,
      createdBy: 'Moderatorin',
      expiresAt: '2027-03-12T18:00:00.000Z',
      closedAt: null,
      scope: { kind: 'view', ref: '?kinds=company' },
      roster: { regionIds: ['de-14627'], actorKinds: null, sectors: null, projectIds: null },
      sourceId: `s-capture-${run}-${id}`,
    });
    const submission = (id: string, sessionId: string, device: string, createdAt: string): CaptureSubmissionRecord => ({
      id: `${run}-${id}`,
      sessionId,
      device,
      createdAt,
      updatedAt: createdAt,
      state: 'pending',
      org: { actorId: null, name: 'Kreishandwerkerschaft Region Meißen', kind: 'chamber', regionId: 'de-14627' },
      ties: [{ partnerId: 'a-1', partnerSubmissionId: null, partnerName: 'Qualifizierungszentrum Riesa', relation: 'wish', projectName: null }],
      mergeInto: null,
      actorId: null,
      moderatedBy: null,
      moderatedAt: null,
      version: 1,
    });

    it('stores sessions, lists them newest first, finds them by id and code, and updates them', async () => {
      const store = await open();
      try {
        const a = session('a', '2027-03-12T09:00:00.000Z');
        const b = session('b', '2027-03-12T10:00:00.000Z');
        await store.capture.putSession(a);
        await store.capture.putSession(b);
        const mine = (await store.capture.sessions()).filter((s) => s.id.startsWith(run)).map((s) => s.id);
        expect(mine).toEqual([b.id, a.id]);
        expect(await store.capture.session(a.id)).toEqual(a);
        expect(await store.capture.sessionByCode(b.code)).toEqual(b);
        expect(await store.capture.sessionByCode('no-such-code')).toBeNull();
        await store.capture.putSession({ ...a, closedAt: '2027-03-12T12:00:00.000Z' });
        expect((await store.capture.session(a.id))?.closedAt).toBe('2027-03-12T12:00:00.000Z');
        await store.clear();
        expect((await store.capture.session(b.id))?.name).toBe('Workshop b');
      } finally {
        await store.close();
      }
    });

    it('writes submissions with compare-and-set, lists them per session and device, and finds approved ones', async () => {
      const store = await open();
      try {
        const sid = `${run}-s`;
        const s1 = submission('1', sid, 'dev-a', '2027-03-12T09:00:01.000Z');
        const s2 = submission('2', sid, 'dev-b', '2027-03-12T09:00:02.000Z');
        const s3 = submission('3', sid, 'dev-a', '2027-03-12T09:00:03.000Z');
        for (const s of [s3, s1, s2]) expect(await store.capture.putSubmission(s)).toBe(true);
        expect(await store.capture.putSubmission(s1)).toBe(false); // exists already
        expect((await store.capture.submissions(sid)).map((s) => s.id)).toEqual([s1.id, s2.id, s3.id]);
        expect((await store.capture.submissions(sid, 'dev-a')).map((s) => s.id)).toEqual([s1.id, s3.id]);
        expect(await store.capture.submissions(`${run}-other`)).toEqual([]);

        const approved = { ...s2, state: 'approved' as const, actorId: 'kh-meissen', version: 2 };
        expect(await store.capture.putSubmission(approved)).toBe(true);
        expect(await store.capture.putSubmission({ ...s2, state: 'rejected', version: 2 })).toBe(false); // stale
        expect(await store.capture.submission(s2.id)).toEqual(approved);
        expect(await store.capture.submission('nope')).toBeNull();
        const all = (await store.capture.approved()).filter((s) => s.id.startsWith(run));
        expect(all).toEqual([approved]);
      } finally {
        await store.close();
      }
    });
  });
}
