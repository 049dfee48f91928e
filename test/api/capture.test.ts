/**
 * Live capture through the API on the demo network: a moderator opens a session, phones submit with
 * the capture token only, the queue fills, approval writes ties with the session as source, and every
 * abuse case answers with its code (FORBIDDEN, BAD_USER_INPUT, RATE_LIMITED).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTURE_LIMITS } from '../../server/capture/capture.model.ts';
import { startTestServer, type GqlResult, type TestServer } from '../support/server.ts';

let server: TestServer;
let editor: string;
let session: { id: string; code: string; link: string; sourceId: string };
let firstId: () => string = () => '';

const err = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions ?? {};

/** A participant request: the capture token in its header, no access token. */
async function phone<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>): Promise<GqlResult<T>> {
  const res = await fetch(`${server.url}graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-capture-token': session.code },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as Omit<GqlResult<T>, 'status'>) };
}

const OPEN = `mutation($input: OpenCaptureSessionInput!) { openCaptureSession(input: $input) { id code link sourceId open name date } }`;
const SUBMIT = `mutation($t: String!, $p: String!, $input: CaptureSubmissionInput!) { submitCapture(token: $t, participant: $p, input: $input) { id state org { actorId name } ties { partnerId partnerName relation projectName } } }`;
const ROSTER = `query($t: String!, $q: String) { captureRoster(token: $t, text: $q, limit: 5) { id name isNew } }`;
const QUEUE = `query($id: ID!) { captureQueue(sessionId: $id) { session { counts { pending approved rejected } } submissions { id state org { name actorId } duplicates { id } actorId } } }`;
const MODERATE = `mutation($s: ID!, $ids: [ID!]!, $d: CaptureDecision!) { moderateCapture(sessionId: $s, submissionIds: $ids, decision: $d) { changed { id state actorId } skipped } }`;
const P1 = 'participant-key-0001-phone';
const P2 = 'participant-key-0002-phone';

beforeAll(async () => {
  server = await startTestServer();
  const r = await server.gql<{ createToken: { secret: string } }>(
    'mutation { createToken(name: "Moderation Riesa", role: EDITOR) { secret } }',
    {},
    server.adminSecret ?? '',
  );
  editor = r.data?.createToken.secret ?? '';
  const o = await server.gql<{ openCaptureSession: typeof session & { open: boolean; date: string } }>(
    OPEN,
    { input: { name: 'Workshop Riesa, 12.03.2027', date: '2027-03-12', expiresInMinutes: 120, scopeKind: 'VIEW', scopeRef: '' } },
    editor,
  );
  expect(o.errors).toBeUndefined();
  session = o.data!.openCaptureSession;
  expect(session.link).toBe(`${server.url}c/${session.code}`);
  expect(session.code).toMatch(/^[A-Za-z0-9_-]{11}$/);
});
afterAll(async () => {
  await server?.close();
});

describe('live capture', () => {
  it('opening a session needs the editor role', async () => {
    const r = await server.gql(OPEN, { input: { name: 'x', scopeKind: 'VIEW', scopeRef: '' } });
    expect(err(r).code).toBe('UNAUTHENTICATED');
  });

  it('a capture token reads only roster names, found with folded umlauts and small typos', async () => {
    const umlaut = await phone<{ captureRoster: { id: string; name: string }[] }>(ROSTER, { t: session.code, q: 'Wirtschaftsforderung' });
    expect(umlaut.data?.captureRoster[0]?.id).toBe('a-wfg-nordsachsen');
    const typo = await phone<{ captureRoster: { id: string }[] }>(ROSTER, { t: session.code, q: 'Landratsmt Nordsachen' });
    expect(typo.data?.captureRoster.map((e) => e.id)).toContain('a-landratsamt-nordsachsen');
    // Nothing else with the capture token: not the network, not the queue.
    const net = await phone('{ network { nodes { id } } }', {});
    expect(err(net)).toMatchObject({ code: 'FORBIDDEN', reason: 'CAPTURE_ONLY' });
    const queue = await phone(QUEUE, { id: session.id });
    expect(err(queue).code).toBe('FORBIDDEN');
  });

  let first = '';
  let second = '';
  firstId = () => first;
  it('submissions land in the queue, not in the network; a phone lists and corrects its own', async () => {
    const a = await phone<{ submitCapture: { id: string; state: string } }>(SUBMIT, {
      t: session.code,
      p: P1,
      input: { org: { name: 'Innungsverband Elektrohandwerk Meißen', kind: 'chamber', regionId: 'de-14627' }, ties: [{ partnerId: 'a-zarof', relation: 'COOPERATION' }] },
    });
    expect(a.errors).toBeUndefined();
    first = a.data!.submitCapture.id;
    expect(a.data?.submitCapture.state).toBe('PENDING');
    // The new organisation is on the roster now, for others to name as partner.
    const r = await phone<{ captureRoster: { id: string; isNew: boolean }[] }>(ROSTER, { t: session.code, q: 'Innungsverband' });
    expect(r.data?.captureRoster[0]).toEqual({ id: `sub:${first}`, name: 'Innungsverband Elektrohandwerk Meißen', isNew: true });
    const b = await phone<{ submitCapture: { id: string } }>(SUBMIT, {
      t: session.code,
      p: P2,
      input: {
        org: { actorId: 'a-stadt-delitzsch' },
        ties: [
          { partnerId: `sub:${first}`, relation: 'PROJECT', projectName: 'Handwerk trifft Chemie' },
          { partnerId: 'a-ctc', relation: 'WISH' },
          { partnerId: 'a-landratsamt-nordsachsen', relation: 'WISH' },
        ],
      },
    });
    expect(b.errors).toBeUndefined();
    second = b.data!.submitCapture.id;
    // Correction by the same phone; another phone may not.
    const fix = { id: first, org: { name: 'Innungsverband Elektrohandwerk Meißen', kind: 'chamber', regionId: 'de-14627' }, ties: [{ partnerId: 'a-zarof', relation: 'COOPERATION' }, { partnerId: 'a-ctc', relation: 'WISH' }] };
    expect((await phone(SUBMIT, { t: session.code, p: P1, input: fix })).errors).toBeUndefined();
    expect(err(await phone(SUBMIT, { t: session.code, p: P2, input: fix }))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOURS' });
    const mine = await phone<{ captureMine: { id: string; ties: unknown[] }[] }>('query($t: String!, $p: String!) { captureMine(token: $t, participant: $p) { id ties { relation } } }', { t: session.code, p: P1 });
    expect(mine.data?.captureMine.map((m) => [m.id, m.ties.length])).toEqual([[first, 2]]);
    const net = await server.gql<{ network: { nodes: { id: string }[] } }>('{ network { nodes { id } } }');
    expect(net.data?.network.nodes.some((n) => n.id === 'innungsverband-elektrohandwerk-meissen')).toBe(false);
    const q = await server.gql<{ captureQueue: { session: { counts: { pending: number } }; submissions: { id: string }[] } }>(QUEUE, { id: session.id }, editor);
    expect(q.data?.captureQueue.session.counts.pending).toBe(2);
    expect(q.data?.captureQueue.submissions.map((s) => s.id)).toEqual([first, second]);
  });

  it('an entry sent again with its client key (after a lost answer) is not stored twice', async () => {
    const input = { clientKey: 'entry-key-0001', org: { name: 'Doppelt gesendet e. V.', kind: 'association' }, ties: [] };
    const p = 'participant-key-0009-phone';
    const [a, b] = await Promise.all([phone<{ submitCapture: { id: string } }>(SUBMIT, { t: session.code, p, input }), phone<{ submitCapture: { id: string } }>(SUBMIT, { t: session.code, p, input })]);
    const again = await phone<{ submitCapture: { id: string } }>(SUBMIT, { t: session.code, p, input });
    expect(a.data?.submitCapture.id).toMatch(/^cx-/);
    expect(new Set([a.data?.submitCapture.id, b.data?.submitCapture.id, again.data?.submitCapture.id]).size).toBe(1);
    const mine = await phone<{ captureMine: unknown[] }>('query($t: String!, $p: String!) { captureMine(token: $t, participant: $p) { id } }', { t: session.code, p });
    expect(mine.data?.captureMine).toHaveLength(1);
    // The same key from another phone is another entry.
    const other = await phone<{ submitCapture: { id: string } }>(SUBMIT, { t: session.code, p: 'participant-key-0010-phone', input });
    expect(other.data?.submitCapture.id).not.toBe(a.data?.submitCapture.id);
  });

  it('bad input and abuse answer with their codes', async () => {
    const long = await phone(SUBMIT, { t: session.code, p: P1, input: { org: { name: 'x'.repeat(CAPTURE_LIMITS.name + 1) }, ties: [] } });
    expect(err(long)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'org.name' });
    const stranger = await phone(SUBMIT, { t: session.code, p: P1, input: { org: { name: 'A' }, ties: [{ partnerId: 'p-netzwerk-chemie', relation: 'COOPERATION' }] } });
    expect(err(stranger)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ties[0].partnerId' });
    const unknown = await phone(SUBMIT, { t: 'no-such-token', p: P1, input: { org: { name: 'A' }, ties: [] } });
    expect(err(unknown)).toMatchObject({ code: 'FORBIDDEN', reason: 'UNKNOWN_TOKEN' });
    // A fresh phone: the first `perDeviceMinute` submissions pass, the next one is RATE_LIMITED.
    const flood = 'participant-key-flood-0000';
    const codes: string[] = [];
    for (let i = 0; i <= CAPTURE_LIMITS.perDeviceMinute; i++) {
      const r = await phone(SUBMIT, { t: session.code, p: flood, input: { org: { name: `Flut ${i}`, kind: 'other' }, ties: [] } });
      codes.push(String(err(r).code ?? 'OK'));
    }
    expect(codes.filter((c) => c === 'OK')).toHaveLength(CAPTURE_LIMITS.perDeviceMinute);
    expect(codes.at(-1)).toBe('RATE_LIMITED');
  });

  it('approving writes through the audited write path, with the session as source and date; wished ties stay out of the network', async () => {
    const r = await server.gql<{ moderateCapture: { changed: { id: string; state: string; actorId: string }[]; skipped: string[] } }>(
      MODERATE,
      { s: session.id, ids: [first, second], d: 'APPROVE' },
      editor,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.moderateCapture.changed.map((c) => [c.id, c.state, c.actorId])).toEqual([
      [first, 'APPROVED', 'innungsverband-elektrohandwerk-meissen'],
      [second, 'APPROVED', 'a-stadt-delitzsch'],
    ]);
    const a = await server.gql<{ actor: { region: { id: string } | null; cooperations: { partner: { id: string }; since: string | null; sources: { id: string; date: string }[] }[]; sources: { id: string }[] } }>(
      `{ actor(id: "innungsverband-elektrohandwerk-meissen") { region { id } sources { id } cooperations { partner { id } since sources { id date } } } }`,
    );
    expect(a.errors).toBeUndefined();
    expect(a.data?.actor.region?.id).toBe('de-14627');
    expect(a.data?.actor.sources.map((s) => s.id)).toEqual([session.sourceId]);
    expect(a.data?.actor.cooperations.map((c) => [c.partner.id, c.since, c.sources.map((s) => `${s.id}@${s.date}`)])).toEqual([
      ['a-zarof', '2027-03-12', [`${session.sourceId}@2027-03-12`]],
    ]);
    const p = await server.gql<{ project: { participants: { actor: { id: string } }[] } }>(`{ project(id: "handwerk-trifft-chemie") { participants { actor { id } } } }`);
    expect(p.errors).toBeUndefined();
    expect(p.data?.project.participants.map((x) => x.actor.id).sort()).toEqual(['a-stadt-delitzsch', 'innungsverband-elektrohandwerk-meissen']);
    const audit = await server.gql<{ auditLog: { entries: { summary: string; who: string }[] } }>('{ auditLog(limit: 1) { entries { summary who } } }', {}, editor);
    expect(audit.data?.auditLog.entries[0]).toEqual({ summary: 'Live-Erfassung „Workshop Riesa, 12.03.2027“: 2 Einträge freigegeben', who: 'Moderation Riesa' });
    // The projector's feed: the new actor and both ties; the wish apart.
    const feed = await server.gql<{ captureFeed: { approved: number; newNodeIds: string[]; newTies: { a: string; b: string }[]; wishedTies: { a: string; b: string }[] } }>(
      `query($id: ID!) { captureFeed(sessionId: $id) { approved newNodeIds newTies { a b } wishedTies { a b } } }`,
      { id: session.id },
    );
    expect(feed.data?.captureFeed).toEqual({
      approved: 2,
      newNodeIds: ['handwerk-trifft-chemie', 'innungsverband-elektrohandwerk-meissen'],
      newTies: [
        { a: 'a-zarof', b: 'innungsverband-elektrohandwerk-meissen' },
        { a: 'a-stadt-delitzsch', b: 'innungsverband-elektrohandwerk-meissen' },
      ],
      wishedTies: [
        { a: 'a-ctc', b: 'innungsverband-elektrohandwerk-meissen' },
        { a: 'a-ctc', b: 'a-stadt-delitzsch' },
        { a: 'a-landratsamt-nordsachsen', b: 'a-stadt-delitzsch' },
      ],
    });
    // Wished ties beside the existing ones, per region pair, and in the insight sentences.
    const wished = await server.gql<{ wishedTies: { pairs: { a: string; b: string; tied: boolean; aRegion: string; bRegion: string }[]; regionPairs: { a: string; b: string; wished: number; missing: number; existing: number }[]; insights: { kind: string; text: { de: string } }[] } }>(
      '{ wishedTies(level: "district") { pairs { a b tied aRegion bRegion } regionPairs { a b wished missing existing } insights { kind text { de } } } }',
    );
    expect(wished.errors).toBeUndefined();
    expect(wished.data?.wishedTies.pairs.map((p) => [p.a, p.b, p.tied, p.aRegion, p.bRegion])).toEqual([
      ['a-ctc', 'innungsverband-elektrohandwerk-meissen', false, 'de-14730', 'de-14627'],
      ['a-ctc', 'a-stadt-delitzsch', false, 'de-14730', 'de-14730'],
      ['a-landratsamt-nordsachsen', 'a-stadt-delitzsch', true, 'de-14730', 'de-14730'], // both in „Netzwerk Chemie“
    ]);
    expect(wished.data?.wishedTies.regionPairs).toEqual([
      { a: 'de-14730', b: 'de-14730', wished: 2, missing: 1, existing: 1 },
      { a: 'de-14627', b: 'de-14730', wished: 1, missing: 1, existing: 0 },
    ]);
    expect(wished.data?.wishedTies.insights.map((i) => [i.kind, i.text.de])).toEqual([
      ['wished', '3 Kooperationswünsche aus Workshop Riesa, 12.03.2027: 2 noch ohne Verbindung, 1 bestehen schon.'],
      ['wished', 'Im Landkreis Nordsachsen wünscht sich 1 Akteurspaar eine Kooperation, die es noch nicht gibt.'],
      ['wished', 'Zwischen Landkreis Meißen und Landkreis Nordsachsen wünscht sich 1 Akteurspaar eine Kooperation, die es noch nicht gibt.'],
    ]);
    // A moderated submission cannot be corrected any more; approving again changes nothing.
    const late = await phone(SUBMIT, { t: session.code, p: P1, input: { id: first, org: { name: 'X', kind: 'other' }, ties: [] } });
    expect(err(late)).toMatchObject({ code: 'FORBIDDEN', reason: 'MODERATED' });
    const again = await server.gql<{ moderateCapture: { changed: unknown[]; skipped: string[] } }>(MODERATE, { s: session.id, ids: [first], d: 'APPROVE' }, editor);
    expect(again.data?.moderateCapture).toEqual({ changed: [], skipped: [first] });
  });

  it('merging a new organisation into an existing actor, rejecting in bulk, and closing the session', async () => {
    const s = await phone<{ submitCapture: { id: string } }>(SUBMIT, {
      t: session.code,
      p: 'participant-key-0003-phone',
      input: { org: { name: 'ZAROF GmbH', kind: 'company' }, ties: [{ partnerId: 'a-ctc', relation: 'COOPERATION' }] },
    });
    const id = s.data!.submitCapture.id;
    const q = await server.gql<{ captureQueue: { submissions: { id: string; duplicates: { id: string }[] }[] } }>(QUEUE, { id: session.id }, editor);
    expect(q.data?.captureQueue.submissions.find((x) => x.id === id)?.duplicates.map((d) => d.id)).toContain('a-zarof');
    const m = await server.gql(`mutation($id: ID!) { mergeCaptureOrg(submissionId: $id, actorId: "a-zarof") { mergeInto } }`, { id }, editor);
    expect(m.data).toEqual({ mergeCaptureOrg: { mergeInto: 'a-zarof' } });
    const ok = await server.gql<{ moderateCapture: { changed: { actorId: string }[] } }>(MODERATE, { s: session.id, ids: [id], d: 'APPROVE' }, editor);
    expect(ok.data?.moderateCapture.changed[0]?.actorId).toBe('a-zarof');
    const flood = (await server.gql<{ captureQueue: { submissions: { id: string; state: string }[] } }>(QUEUE, { id: session.id }, editor)).data!.captureQueue.submissions.filter(
      (x) => x.state === 'PENDING',
    );
    const rej = await server.gql<{ moderateCapture: { changed: { state: string }[] } }>(MODERATE, { s: session.id, ids: flood.map((x) => x.id), d: 'REJECT' }, editor);
    expect(rej.data?.moderateCapture.changed.map((c) => c.state)).toEqual(flood.map(() => 'REJECTED'));
    const closed = await server.gql<{ closeCaptureSession: { open: boolean } }>(`mutation($id: ID!) { closeCaptureSession(id: $id) { open } }`, { id: session.id }, editor);
    expect(closed.data?.closeCaptureSession.open).toBe(false);
    const late = await phone(SUBMIT, { t: session.code, p: P1, input: { org: { name: 'Spät' }, ties: [] } });
    expect(err(late)).toMatchObject({ code: 'FORBIDDEN', reason: 'CLOSED' });
    const info = await phone<{ captureInfo: { open: boolean; reason: string } }>('query($t: String!) { captureInfo(token: $t) { open reason } }', { t: session.code });
    expect(info.data?.captureInfo).toEqual({ open: false, reason: 'CLOSED' });
  });

  it('exports the submissions with their moderation state (CSV, XLSX) and adds the session report as a story slide', async () => {
    const anonymous = await fetch(`${server.url}export/capture/${session.id}/csv`);
    expect(anonymous.status).toBe(401);
    const csv = await fetch(`${server.url}export/capture/${session.id}/csv`, { headers: { authorization: `Bearer ${editor}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain(`erfassung-${session.id}-2027-03-12.csv`);
    const { parse } = await import('csv-parse/sync');
    const rows = parse((await csv.text()).replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];
    const first = rows.filter((r) => r.submission === firstId());
    expect(first.map((r) => [r.state, r.organisation, r.partner_id, r.relation, r.actor_id])).toEqual([
      ['approved', 'Innungsverband Elektrohandwerk Meißen', 'a-zarof', 'cooperation', 'innungsverband-elektrohandwerk-meissen'],
      ['approved', 'Innungsverband Elektrohandwerk Meißen', 'a-ctc', 'wish', 'innungsverband-elektrohandwerk-meissen'],
    ]);
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(['approved', 'rejected']));
    const xlsx = await fetch(`${server.url}export/capture/${session.id}/xlsx`, { headers: { authorization: `Bearer ${editor}` } });
    expect(xlsx.status).toBe(200);
    const { default: readXlsx } = await import('read-excel-file/node');
    const sheets = (await readXlsx(Buffer.from(await xlsx.arrayBuffer()))) as unknown as { sheet: string; data: unknown[][] }[];
    expect(sheets.map((x) => x.sheet)).toEqual(['submissions', 'report']);
    expect(sheets[0]?.data.length).toBe(rows.length + 1);
    const figures = Object.fromEntries((sheets[1]?.data ?? []).slice(1).map((r) => [String(r[0]), String(r[1])]));
    expect(figures.approved).toBe('3');
    expect(figures.new_actors).toBe('1');

    const report = await server.gql<{ captureReport: { participants: number; newActors: { id: string }[]; newTies: unknown[]; wished: { missing: number }[]; summary: string } }>(
      `query($id: ID!) { captureReport(sessionId: $id) { participants newActors { id } newTies { a b } wished { missing } summary } }`,
      { id: session.id },
      editor,
    );
    expect(report.data?.captureReport.newActors.map((a) => a.id)).toEqual(['innungsverband-elektrohandwerk-meissen']);
    expect(report.data?.captureReport.summary).toMatch(/^Live-Erfassung „Workshop Riesa, 12\.03\.2027“ \(2027-03-12\): \d+ Teilnehmende/);
    const slide = await server.gql<{ addCaptureReportSlide: { storyId: string; slideId: string } }>(`mutation($id: ID!) { addCaptureReportSlide(sessionId: $id) { storyId slideId } }`, { id: session.id }, editor);
    expect(slide.errors).toBeUndefined();
    const story = await server.gql<{ story: { title: string; slides: { id: string; title: string; notes: string; view: { highlight: string[] } }[] } }>(
      `query($id: ID!) { story(id: $id) { title slides { id title notes view } } }`,
      { id: slide.data?.addCaptureReportSlide.storyId },
    );
    expect(story.data?.story.title).toBe('Workshop Riesa, 12.03.2027 – Ergebnis');
    expect(story.data?.story.slides[0]?.title).toBe('Ergebnis: Workshop Riesa, 12.03.2027');
    expect(story.data?.story.slides[0]?.notes).toContain('Neu im Netzwerk: 1 Organisation (Innungsverband Elektrohandwerk Meißen), 3 Verbindungen.');
    expect(story.data?.story.slides[0]?.view.highlight).toContain('innungsverband-elektrohandwerk-meissen');
  });
});
