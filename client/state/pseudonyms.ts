/**
 * Pseudonymised mode: every actor is shown as its kind and a number ("Unternehmen 3"). The numbers
 * come from the whole network (all actors, numbered per kind in the order of their ids), so an
 * actor has the same label on every slide, in the details, the search and the pictures, whatever
 * the filters. Free text (descriptions, sources, websites) would give names away and is left out.
 */
import { pseudonymLabel, textReplacer, type Pseudonym } from '../../shared/pseudonyms.ts';
import type { Details, Network, NodeRef, NodeType, SearchHit } from '../api/types.ts';

// The numbering is shared with the server (pseudonymised share links label actors alike).
export { pseudonymNumbers, type Pseudonym } from '../../shared/pseudonyms.ts';

/** The label of a node: an actor's pseudonym, anything else its own label. */
export type NameOf = (id: string, type: NodeType, label: string) => string;

export const realNames: NameOf = (_id, _type, label) => label;

/**
 * A NameOf from the numbering; `kindLabel` spells a kind ("Unternehmen"). An actor the numbering
 * does not know (added after it was made) is "<kind> ?" rather than its name.
 */
export function pseudonymizer(numbers: ReadonlyMap<string, Pseudonym>, kindLabel: (kind: string) => string, unknownKind = 'other'): NameOf {
  return (id, type, label) => {
    if (type !== 'ACTOR') return label;
    const p = numbers.get(id);
    return p ? pseudonymLabel(p, kindLabel) : `${kindLabel(unknownKind)} ?`;
  };
}

export function pseudonymizeNetwork(net: Network, nameOf: NameOf): Network {
  return { ...net, nodes: net.nodes.map((n) => (n.type === 'ACTOR' ? { ...n, label: nameOf(n.id, n.type, n.label) } : n)) };
}

export function pseudonymizeHits(hits: readonly SearchHit[], nameOf: NameOf): SearchHit[] {
  return hits.map((h) => (h.type === 'ACTOR' ? { ...h, label: nameOf(h.id, h.type, h.label) } : h));
}

const ref = <T extends NodeRef | null>(r: T, nameOf: NameOf): T => (r && r.type === 'ACTOR' ? { ...r, label: nameOf(r.id, r.type, r.label) } : r);

/** The details with actor names replaced and free text left out. */
export function pseudonymizeDetails(d: Details, nameOf: NameOf): Details {
  switch (d.__typename) {
    case 'Actor':
      return {
        ...d,
        name: nameOf(d.id, 'ACTOR', d.name),
        website: null,
        description: null,
        sources: [],
        participations: d.participations.map((p) => ({ ...p, description: null })),
        events: d.events.map((e) => ({ ...e, description: null })),
        cooperations: d.cooperations.map((c) => ({ ...c, partner: ref(c.partner, nameOf), description: null })),
      };
    case 'Project':
      return {
        ...d,
        description: null,
        goals: [],
        results: [],
        sources: [],
        participants: d.participants.map((p) => ({ ...p, actor: ref(p.actor, nameOf), description: null })),
        funders: d.funders.map((f) => ref(f, nameOf)),
        targets: d.targets.map((x) => ({ ...x, description: null })),
      };
    case 'Region':
      return { ...d, description: null, sources: [], actors: d.actors.map((a) => ref(a, nameOf)) };
    case 'Event':
      return {
        ...d,
        description: null,
        sources: [],
        participants: d.participants.map((p) => ({ ...p, actor: ref(p.actor, nameOf), description: null })),
        targets: d.targets.map((x) => ({ ...x, description: null })),
      };
  }
}

/**
 * Free text (slide titles, notes, picture titles, file names) with every known actor name and id
 * replaced by its pseudonym: exact, case-sensitive, whole names only (not inside a longer word),
 * longer names first so "Zarof Logistik GmbH" wins over "Zarof".
 */
export function pseudonymizeText(text: string, replacements: ReadonlyMap<string, string>): string {
  return textReplacer(replacements)(text);
}

/** The replacements for pseudonymizeText: each actor's name and id → its pseudonym (from the same numbering). */
export function textReplacements(actors: readonly { id: string; label: string }[], nameOf: NameOf): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of actors) {
    const p = nameOf(a.id, 'ACTOR', a.label);
    out.set(a.id, p);
    if (a.label) out.set(a.label, p);
  }
  return out;
}
