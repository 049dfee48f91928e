/**
 * A small network whose answers are worked out by hand (see the comments), used by the contract
 * suite for both stores.
 *
 *   Sachsen ─ Nordsachsen ─ Delitzsch        Hessen ─ Mittelhessen ─ Lahn-Dill-Kreis ─ Wetzlar
 *          ├ Leipzig                                              └ Gießen
 *          ├ Landkreis Meißen, Landkreis Görlitz                    Ems-Achse (cooperation region)
 *
 *   p1 Netzwerk Chemie 2023-05..2024-12: a1 lead, a2, a3 partners, a8 funder      (targets Nordsachsen)
 *   p2 TeamMit 2022..open:               a5 lead, a6, a7 partners                  (targets Mittelhessen)
 *   p3 Vorläufer 2015:                   a1, a4 partners
 *   p4 Nachfolger 2018 (continues p3):   a4 lead, a3 partner                       (partner region Ems-Achse)
 *   e1 Kick-off 2024-03 Delitzsch (p1):  a1 organiser, a4 attendee
 *   e2 Konferenz 2022-12-08 Wetzlar (p2): a5 organiser, a6 presenter
 *   direct: a4 → a5 cooperation 2020..2021;  a6 → a7 member_of (undated)
 *
 *   derived ties (funders excluded): a1–a2 (p1), a1–a3 (p1), a2–a3 (p1), a5–a6 (p2, e2: weight 2),
 *   a5–a7 (p2), a6–a7 (p2), a1–a4 (p3, e1: weight 2), a3–a4 (p4)  → 8 derived, 2 direct
 */
import type { GraphBatchInput } from '../../server/domain/model.ts';

const src = ['s-doc'];

export const fixture = {
  sources: [
    { id: 's-doc', title: 'Projektsteckbrief Netzwerk Chemie', url: 'https://example.org/steckbrief', date: '2024-12' },
    { id: 's-geo', title: 'Verwaltungsgebiete', date: '2021-01-01' },
  ],
  regions: [
    { id: 'r-sn', name: 'Sachsen', kind: 'state', code: '14', lat: 51.0, lon: 13.3, sourceIds: ['s-geo'] },
    { id: 'r-ns', name: 'Landkreis Nordsachsen', kind: 'district', code: '14730', lat: 51.47, lon: 12.78, parentId: 'r-sn', sourceIds: ['s-geo'] },
    { id: 'r-dz', name: 'Delitzsch', kind: 'city', lat: 51.525, lon: 12.34, parentId: 'r-ns', sourceIds: ['s-geo'] },
    { id: 'r-l', name: 'Leipzig', kind: 'district', code: '14713', lat: 51.34, lon: 12.37, parentId: 'r-sn', sourceIds: ['s-geo'] },
    { id: 'r-mei', name: 'Landkreis Meißen', kind: 'district', code: '14627', lat: 51.24, lon: 13.43, parentId: 'r-sn', sourceIds: ['s-geo'] },
    { id: 'r-gr', name: 'Landkreis Görlitz', kind: 'district', code: '14626', lat: 51.2, lon: 14.8, parentId: 'r-sn', sourceIds: ['s-geo'] },
    { id: 'r-he', name: 'Hessen', kind: 'state', code: '06', lat: 50.6, lon: 9.0, sourceIds: ['s-geo'] },
    { id: 'r-mh', name: 'Mittelhessen', kind: 'planning_region', lat: 50.6, lon: 8.7, parentId: 'r-he', sourceIds: ['s-geo'] },
    { id: 'r-ldk', name: 'Lahn-Dill-Kreis', kind: 'district', code: '06532', lat: 50.63, lon: 8.35, parentId: 'r-mh', sourceIds: ['s-geo'] },
    { id: 'r-wz', name: 'Wetzlar', kind: 'city', lat: 50.556, lon: 8.504, parentId: 'r-ldk', sourceIds: ['s-geo'] },
    { id: 'r-gi', name: 'Landkreis Gießen', kind: 'district', code: '06531', lat: 50.6, lon: 8.8, parentId: 'r-mh', sourceIds: ['s-geo'] },
    { id: 'r-ems', name: 'Ems-Achse', kind: 'cooperation_region', lat: 52.9, lon: 7.3, sourceIds: ['s-geo'] },
  ],
  actors: [
    { id: 'a1', name: 'ZAROF GmbH', kind: 'company', sectors: ['chemie', 'beratung'], regionId: 'r-dz', website: 'https://www.zarof-gmbh.de', sourceIds: src },
    { id: 'a2', name: 'Stadt Delitzsch', kind: 'municipality', sectors: [], regionId: 'r-dz', sourceIds: src },
    { id: 'a3', name: 'WFG Nordsachsen', kind: 'economic_development_agency', sectors: ['wirtschaftsförderung'], regionId: 'r-ns', sourceIds: src },
    { id: 'a4', name: 'Universität Leipzig', kind: 'university', sectors: ['forschung', 'chemie'], regionId: 'r-l', sourceIds: src },
    { id: 'a5', name: 'TransMIT GmbH', kind: 'company', sectors: ['automotive'], regionId: 'r-wz', sourceIds: src },
    { id: 'a6', name: 'Technische Hochschule Mittelhessen', kind: 'university', sectors: ['forschung'], regionId: 'r-gi', sourceIds: src },
    { id: 'a7', name: 'StudiumPlus e. V.', kind: 'association', sectors: ['automotive', 'bildung'], regionId: 'r-ldk', sourceIds: src },
    { id: 'a8', name: 'Bundesministerium für Bildung und Forschung', kind: 'funder', sectors: [], sourceIds: src },
    { id: 'a9', name: 'Gründerwerk Meißen', kind: 'startup', sectors: ['handwerk'], regionId: 'r-mei', sourceIds: src },
  ],
  projects: [
    { id: 'p1', name: 'Netzwerk Chemie', programme: 'Strukturwandel', start: '2023-05-04', end: '2024-12-31', status: 'completed', goals: ['Netzwerkaufbau'], sourceIds: src },
    { id: 'p2', name: 'TeamMit', start: '2022', status: 'running', sourceIds: src },
    { id: 'p3', name: 'Vorläufer', start: '2015', end: '2015', status: 'completed', sourceIds: src },
    { id: 'p4', name: 'Nachfolger', start: '2018-01', end: '2018-12', status: 'completed', predecessorId: 'p3', sourceIds: src },
  ],
  events: [
    { id: 'e1', name: 'Kick-off „Austausch der Regionen“', kind: 'kick_off', date: '2024-03', placeId: 'r-dz', projectId: 'p1', sourceIds: src },
    { id: 'e2', name: 'Konferenz Wetzlar', kind: 'conference', date: '2022-12-08', placeId: 'r-wz', venue: 'Charlotte-Bamberg-Straße 3', projectId: 'p2', sourceIds: src },
  ],
  participations: [
    { actorId: 'a1', projectId: 'p1', role: 'lead', contribution: 250000.5, sourceIds: src },
    { actorId: 'a2', projectId: 'p1', role: 'partner', contribution: 80000, sourceIds: src },
    { actorId: 'a3', projectId: 'p1', role: 'partner', sourceIds: src },
    { actorId: 'a8', projectId: 'p1', role: 'funder', sourceIds: src },
    { actorId: 'a5', projectId: 'p2', role: 'lead', sourceIds: src },
    { actorId: 'a6', projectId: 'p2', role: 'partner', sourceIds: src },
    { actorId: 'a7', projectId: 'p2', role: 'partner', sourceIds: src },
    { actorId: 'a1', projectId: 'p3', role: 'partner', sourceIds: src },
    { actorId: 'a4', projectId: 'p3', role: 'partner', sourceIds: src },
    { actorId: 'a4', projectId: 'p4', role: 'lead', sourceIds: src },
    { actorId: 'a3', projectId: 'p4', role: 'partner', sourceIds: src },
  ],
  eventParticipations: [
    { actorId: 'a1', eventId: 'e1', role: 'organiser', sourceIds: src },
    { actorId: 'a4', eventId: 'e1', role: 'attendee', sourceIds: src },
    { actorId: 'a5', eventId: 'e2', role: 'organiser', sourceIds: src },
    { actorId: 'a6', eventId: 'e2', role: 'presenter', sourceIds: src },
  ],
  cooperations: [
    { actorId: 'a4', partnerId: 'a5', kind: 'cooperation', since: '2020', until: '2021', sourceIds: src },
    { actorId: 'a6', partnerId: 'a7', kind: 'member_of', sourceIds: src },
  ],
  targets: [
    { subjectId: 'p1', regionId: 'r-ns', role: 'target', sourceIds: src },
    { subjectId: 'p2', regionId: 'r-mh', role: 'target', sourceIds: src },
    { subjectId: 'p4', regionId: 'r-ems', role: 'partner', sourceIds: src },
  ],
} satisfies GraphBatchInput;

/**
 * A story of two slides over the fixture (not part of `fixture`: stories are not network data the
 * counts above are about). The second slide has everything a view can hold.
 */
export const storyFixture = {
  id: 'st-chemie',
  title: 'Netzwerk Chemie vorgestellt',
  description: 'Zwei Folien: das Projekt, dann sein Umfeld.',
  slides: [
    { id: 'intro', title: 'Das Projekt', notes: 'ZAROF trägt das Projekt mit Stadt und WFG.', view: { query: '?projects=p1' }, reveal: { by: 'year' } },
    {
      id: 'umfeld',
      title: 'Umfeld „Delitzsch“ & Co.',
      notes: null,
      view: { query: '?focus=a1&depth=2&layout=geo', positions: { a1: { x: 10.5, y: -20 }, a2: { x: 0, y: 0 } }, zoom: 1.25, pan: { x: 3, y: 4 }, size: { w: 1280, h: 720 }, highlight: ['a1', 'a2'] },
      reveal: { by: 'none' },
    },
  ],
};
