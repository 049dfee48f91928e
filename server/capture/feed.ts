/** The projector's view of a session: which nodes and actor pairs its approved submissions added. */
import { isOpen, type CaptureSessionRecord, type CaptureSubmissionRecord } from './capture.model.ts';
import { slugId } from '../store/mutations.ts';
import { sharedProjectName } from './approve.ts';

export interface Feed {
  sessionId: string;
  name: string;
  open: boolean;
  pending: number;
  approved: number;
  newNodeIds: string[];
  newTies: { a: string; b: string }[];
  wishedTies: { a: string; b: string }[];
}

export function feedOf(s: CaptureSessionRecord, subs: readonly CaptureSubmissionRecord[]): Feed {
  const approved = subs.filter((x) => x.state === 'approved' && x.actorId !== null);
  const actorOfSub = new Map(approved.map((x) => [x.id, x.actorId as string]));
  const nodes = new Set<string>();
  const ties = new Map<string, { a: string; b: string }>();
  const wishes = new Map<string, { a: string; b: string }>();
  for (const x of approved) {
    const me = x.actorId as string;
    if (x.org.actorId === null && x.mergeInto === null) nodes.add(me);
    for (const t of x.ties) {
      const partner = t.partnerId ?? (t.partnerSubmissionId ? actorOfSub.get(t.partnerSubmissionId) : undefined);
      if (!partner || partner === me) continue;
      const [a, b] = [me, partner].sort() as [string, string];
      if (t.relation === 'wish') wishes.set(`${a}|${b}`, { a, b });
      else ties.set(`${a}|${b}`, { a, b });
      if (t.relation === 'project') nodes.add(slugId(t.projectName ?? sharedProjectName(x.org.name, t.partnerName)) || 'projekt');
    }
  }
  return {
    sessionId: s.id,
    name: s.name,
    open: isOpen(s),
    pending: subs.filter((x) => x.state === 'pending').length,
    approved: approved.length,
    newNodeIds: [...nodes].sort(),
    newTies: [...ties.values()],
    wishedTies: [...wishes.values()],
  };
}
