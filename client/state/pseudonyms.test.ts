/** Pseudonyms: deterministic per kind from the whole network, the same everywhere, free text left out. */
import { describe, expect, it } from 'vitest';
import type { ActorDetails, Network, ProjectDetails } from '../api/types.ts';
import { pseudonymNumbers, pseudonymizeDetails, pseudonymizeHits, pseudonymizeNetwork, pseudonymizeText, pseudonymizer, realNames, textReplacements } from './pseudonyms.ts';

const actors = [
  { id: 'a-zarof', kind: 'company' },
  { id: 'a-thm', kind: 'university' },
  { id: 'a-bmw', kind: 'company' },
  { id: 'a-x', kind: null },
  { id: 'a-conoscope', kind: 'company' },
];
const KINDS: Record<string, string> = { company: 'Unternehmen', university: 'Hochschule', other: 'Sonstige' };
const nameOf = pseudonymizer(pseudonymNumbers(actors), (k) => KINDS[k] ?? k);

describe('pseudonymNumbers', () => {
  it('numbers the actors of each kind 1, 2, … in the order of their ids', () => {
    expect(Object.fromEntries(pseudonymNumbers(actors))).toEqual({
      'a-bmw': { kind: 'company', n: 1 },
      'a-conoscope': { kind: 'company', n: 2 },
      'a-zarof': { kind: 'company', n: 3 },
      'a-thm': { kind: 'university', n: 1 },
      'a-x': { kind: 'other', n: 1 },
    });
  });

  it('does not depend on the order the actors come in', () => {
    expect(pseudonymNumbers([...actors].reverse())).toEqual(pseudonymNumbers(actors));
  });
});

describe('pseudonymizer', () => {
  it('labels actors by kind and number, leaves other nodes, and never shows an unknown actor’s name', () => {
    expect(nameOf('a-zarof', 'ACTOR', 'ZAROF. GmbH')).toBe('Unternehmen 3');
    expect(nameOf('a-thm', 'ACTOR', 'Technische Hochschule Mittelhessen')).toBe('Hochschule 1');
    expect(nameOf('p-x', 'PROJECT', 'Netzwerk Chemie')).toBe('Netzwerk Chemie');
    expect(nameOf('a-new', 'ACTOR', 'Neue GmbH')).toBe('Sonstige ?');
    expect(realNames('a-zarof', 'ACTOR', 'ZAROF. GmbH')).toBe('ZAROF. GmbH');
  });

  it('gives the same labels on the canvas, in search hits and in the details', () => {
    const net: Network = {
      nodes: [
        { id: 'a-zarof', type: 'ACTOR', kind: 'company', label: 'ZAROF. GmbH', regionId: null, lat: null, lon: null, sectors: [], startYear: null, endYear: null },
        { id: 'p-chemie', type: 'PROJECT', kind: 'completed', label: 'Netzwerk Chemie', regionId: null, lat: null, lon: null, sectors: [], startYear: 2023, endYear: 2024 },
      ],
      edges: [],
      truncated: false,
      hiddenTies: 0,
    };
    expect(pseudonymizeNetwork(net, nameOf).nodes.map((n) => n.label)).toEqual(['Unternehmen 3', 'Netzwerk Chemie']);
    expect(pseudonymizeHits([{ id: 'a-zarof', type: 'ACTOR', kind: 'company', label: 'ZAROF. GmbH' }], nameOf)[0]?.label).toBe('Unternehmen 3');
    const ref = (id: string, type: 'ACTOR' | 'PROJECT' | 'REGION', label: string) => ({ id, type, kind: null, label });
    const actor: ActorDetails = {
      __typename: 'Actor',
      id: 'a-zarof',
      name: 'ZAROF. GmbH',
      kind: 'company',
      sectors: ['beratung'],
      tags: [],
      website: 'https://www.zarof-gmbh.de',
      description: 'Projektträger, Sitz Leipzig',
      region: ref('r-leipzig', 'REGION', 'Leipzig'),
      participations: [{ project: ref('p-chemie', 'PROJECT', 'Netzwerk Chemie'), role: 'lead', start: null, end: null, description: 'Projektträger.' }],
      events: [],
      cooperations: [{ partner: ref('a-thm', 'ACTOR', 'THM'), kind: 'cooperation', outgoing: true, since: null, until: null, description: 'mit ZAROF' }],
      sources: [{ id: 's', title: 'Steckbrief (Projektträger ZAROF. GmbH)', url: null, publisher: null, date: null }],
    };
    const d = pseudonymizeDetails(actor, nameOf) as ActorDetails;
    expect(d).toMatchObject({ name: 'Unternehmen 3', website: null, description: null, sources: [], region: { label: 'Leipzig' } });
    expect(d.cooperations[0]).toMatchObject({ partner: { label: 'Hochschule 1' }, description: null });
    expect(d.participations[0]?.description).toBeNull();
    expect(JSON.stringify(d)).not.toMatch(/ZAROF|THM/);
    const project: ProjectDetails = {
      __typename: 'Project',
      id: 'p-chemie',
      name: 'Netzwerk Chemie',
      status: 'completed',
      programme: null,
      start: null,
      end: null,
      description: 'Träger: ZAROF',
      goals: ['mit ZAROF'],
      results: [],
      tags: [],
      participants: [{ actor: ref('a-zarof', 'ACTOR', 'ZAROF. GmbH'), role: 'lead', description: null }],
      funders: [ref('a-bmw', 'ACTOR', 'BMW')],
      events: [],
      targets: [],
      predecessor: null,
      successors: [],
      sources: [],
    };
    const p = pseudonymizeDetails(project, nameOf) as ProjectDetails;
    expect(p.name).toBe('Netzwerk Chemie');
    expect(p.participants[0]?.actor.label).toBe('Unternehmen 3');
    expect(p.funders[0]?.label).toBe('Unternehmen 1');
    expect(JSON.stringify(p)).not.toMatch(/ZAROF|BMW/);
  });
});

describe('pseudonymizeText', () => {
  const named = [
    { id: 'a-zarof', label: 'Zarof' },
    { id: 'a-bmw', label: 'BMW' },
    { id: 'a-conoscope', label: 'Zarof Optik GmbH' },
    { id: 'a-thm', label: 'THM' },
  ];
  const map = textReplacements(named, nameOf);

  it('replaces every actor name and id by the pseudonym of the same numbering, longest names first', () => {
    expect(pseudonymizeText('Zarof Optik GmbH und Zarof mit BMW (a-thm), wieder Zarof.', map)).toBe(
      'Unternehmen 2 und Unternehmen 3 mit Unternehmen 1 (Hochschule 1), wieder Unternehmen 3.',
    );
    expect(pseudonymizeText('BMW-Werk', map)).toBe('Unternehmen 1-Werk');
  });

  it('replaces whole, exactly spelled names only', () => {
    expect(pseudonymizeText('BMWs Zarofski bmw thm', map)).toBe('BMWs Zarofski bmw thm');
  });

  it('leaves text without names and empty replacement lists alone', () => {
    expect(pseudonymizeText('Die Lücken dazwischen', map)).toBe('Die Lücken dazwischen');
    expect(pseudonymizeText('Zarof', new Map())).toBe('Zarof');
  });

  it('treats names as text, not as patterns', () => {
    expect(pseudonymizeText('A+B (Kreis) und AB', textReplacements([{ id: 'a-ab', label: 'A+B (Kreis)' }], nameOf))).toBe('Sonstige ? und AB');
  });
});
