/**
 * The edit forms as data: values from the details, parsing what people type, create inputs with
 * the required fields, patches with only what changed (emptied = null), server problems by field.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import type { ActorDetails, EventDetails, ProjectDetails, RegionDetails } from '../api/types.ts';
import {
  ENTITY_FIELDS,
  RELATION_FIELDS,
  createInput,
  emptyForm,
  fieldOfPath,
  formOfDetails,
  parseDate,
  parseField,
  parseNumber,
  parseUrl,
  patchInput,
  serverErrors,
  type FieldSpec,
} from './forms.ts';

const ref = (id: string, type: 'ACTOR' | 'PROJECT' | 'REGION' | 'EVENT' = 'REGION') => ({ id, type, kind: null, label: `Label ${id}` });

const actor: ActorDetails = {
  __typename: 'Actor',
  id: 'a-kammer',
  name: 'Handwerkskammer Beispielstadt',
  kind: 'chamber',
  sectors: ['handwerk', 'bildung'],
  tags: ['wir'],
  website: 'https://www.example.org',
  description: null,
  region: ref('r-meissen'),
  participations: [],
  events: [],
  cooperations: [],
  sources: [],
  version: 4,
};

describe('parsing what people type', () => {
  it('dates: ISO partial dates and German day.month.year', () => {
    expect(parseDate('2024')).toBe('2024');
    expect(parseDate('2024-03')).toBe('2024-03');
    expect(parseDate(' 2024-03-15 ')).toBe('2024-03-15');
    expect(parseDate('15.03.2024')).toBe('2024-03-15');
    expect(parseDate('1.3.2024')).toBe('2024-03-01');
    expect(parseDate('3.2024')).toBe('2024-03');
    for (const bad of ['2024-13', '32.01.2024', '15/03/2024', 'März 2024', '24']) expect(parseDate(bad), bad).toBeNull();
  });

  it('numbers: decimal point or comma, nothing else', () => {
    expect(parseNumber('51,34')).toBe(51.34);
    expect(parseNumber('-12.5')).toBe(-12.5);
    expect(parseNumber('1000')).toBe(1000);
    expect(parseNumber('51.340')).toBe(51.34);
    for (const bad of ['1.000,5', 'abc', '', '1e5x', '12 000']) expect(parseNumber(bad), bad).toBeNull();
  });

  it('amounts: thousands grouped the German or the English way', () => {
    expect(parseNumber('12.000', true)).toBe(12000);
    expect(parseNumber('1.234.567,50', true)).toBe(1234567.5);
    expect(parseNumber('1,234.50', true)).toBe(1234.5);
    expect(parseNumber('12 000', true)).toBe(12000);
    expect(parseNumber('12,5', true)).toBe(12.5);
    expect(parseNumber('1.5', true)).toBe(1.5);
    expect(parseNumber('1.000,5.3', true)).toBeNull();
  });

  it('websites: https kept, a bare host gets https://', () => {
    expect(parseUrl('https://www.example.org/a?b=1')).toBe('https://www.example.org/a?b=1');
    expect(parseUrl('www.example.org')).toBe('https://www.example.org');
    expect(parseUrl('example.org/projekte')).toBe('https://example.org/projekte');
    for (const bad of ['example', 'ftp://x.org', 'http://', 'zwei worte.de']) expect(parseUrl(bad), bad).toBeNull();
  });

  it('lists by comma or semicolon, lines by line; trimmed, no empties, no doubles', () => {
    const list: FieldSpec = { key: 'sectors', kind: 'list', label: '' };
    const lines: FieldSpec = { key: 'goals', kind: 'lines', label: '' };
    expect(parseField(list, ' chemie, kunststoff;; chemie ,')).toEqual({ value: ['chemie', 'kunststoff'] });
    expect(parseField(lines, 'Fachkräfte sichern\n\n  Netzwerk, regional \r\nFachkräfte sichern')).toEqual({ value: ['Fachkräfte sichern', 'Netzwerk, regional'] });
    expect(parseField(list, '')).toEqual({ value: [] });
  });

  it('selects accept only their options; empty fields are null', () => {
    const kind = ENTITY_FIELDS.ACTOR.find((s) => s.key === 'kind') as FieldSpec;
    expect(parseField(kind, 'chamber')).toEqual({ value: 'chamber' });
    expect(parseField(kind, 'firma')).toEqual({ error: 'form.error.option' });
    expect(parseField(kind, '  ')).toEqual({ value: null });
  });

  it('numbers keep to their range', () => {
    const lat = ENTITY_FIELDS.REGION.find((s) => s.key === 'lat') as FieldSpec;
    expect(parseField(lat, '51,1')).toEqual({ value: 51.1 });
    expect(parseField(lat, '91')).toEqual({ error: 'form.error.range' });
    expect(parseField(lat, 'nord')).toEqual({ error: 'form.error.number' });
  });
});

describe('formOfDetails', () => {
  it('gives every field of the type a text, and the labels of the referenced nodes', () => {
    const { values, refs } = formOfDetails(actor);
    expect(values).toEqual({
      name: 'Handwerkskammer Beispielstadt',
      kind: 'chamber',
      regionId: 'r-meissen',
      sectors: 'handwerk, bildung',
      website: 'https://www.example.org',
      description: '',
      tags: 'wir',
    });
    expect(refs.regionId?.label).toBe('Label r-meissen');
    for (const spec of ENTITY_FIELDS.ACTOR) expect(values, spec.key).toHaveProperty(spec.key);
  });

  it('covers projects, regions and events', () => {
    const project: ProjectDetails = {
      __typename: 'Project',
      id: 'p-x',
      name: 'Projekt X',
      status: 'running',
      programme: 'WIR!',
      start: '2021-04',
      end: null,
      description: 'd',
      goals: ['Ziel A', 'Ziel B'],
      results: [],
      tags: [],
      participants: [],
      funders: [],
      events: [],
      targets: [],
      predecessor: ref('p-alt', 'PROJECT'),
      successors: [],
      sources: [],
    };
    const p = formOfDetails(project).values;
    expect(p).toMatchObject({ status: 'running', start: '2021-04', end: '', goals: 'Ziel A\nZiel B', predecessorId: 'p-alt' });
    const region: RegionDetails = {
      __typename: 'Region',
      id: 'r-x',
      name: 'Landkreis X',
      kind: 'district',
      code: '14730',
      lat: 51.5,
      lon: 12.4,
      description: null,
      tags: [],
      actorCount: 0,
      parent: null,
      ancestors: [],
      children: [],
      actors: [],
      events: [],
      targetedBy: [],
      sources: [],
    };
    expect(formOfDetails(region).values).toMatchObject({ kind: 'district', code: '14730', lat: '51.5', lon: '12.4', parentId: '' });
    const event: EventDetails = {
      __typename: 'Event',
      id: 'e-x',
      name: 'Auftakt',
      kind: 'kick_off',
      date: '2022-05-04',
      endDate: null,
      venue: 'Rathaus',
      description: null,
      tags: [],
      place: ref('r-city'),
      project: ref('p-x', 'PROJECT'),
      participants: [],
      targets: [],
      sources: [],
    };
    expect(formOfDetails(event).values).toMatchObject({ kind: 'kick_off', date: '2022-05-04', placeId: 'r-city', projectId: 'p-x', venue: 'Rathaus' });
    for (const d of [project, region, event]) {
      const type = d.__typename === 'Project' ? 'PROJECT' : d.__typename === 'Region' ? 'REGION' : 'EVENT';
      expect(Object.keys(formOfDetails(d).values).sort()).toEqual(ENTITY_FIELDS[type].map((s) => s.key).sort());
    }
  });
});

describe('createInput', () => {
  it('sends the filled fields and asks for the required ones', () => {
    const empty = emptyForm(ENTITY_FIELDS.ACTOR);
    expect(createInput(ENTITY_FIELDS.ACTOR, empty).errors).toEqual({ name: 'form.error.required', kind: 'form.error.required' });
    const { input, errors } = createInput(ENTITY_FIELDS.ACTOR, { ...empty, name: ' Verein Beispiel ', kind: 'association', sectors: 'kultur', website: 'verein.example.org' });
    expect(errors).toEqual({});
    expect(input).toEqual({ name: 'Verein Beispiel', kind: 'association', sectors: ['kultur'], website: 'https://verein.example.org' });
  });

  it('starts projects as unknown and relationships with their usual role', () => {
    expect(emptyForm(ENTITY_FIELDS.PROJECT).status).toBe('unknown');
    expect(emptyForm(RELATION_FIELDS.participation).role).toBe('partner');
    expect(emptyForm(RELATION_FIELDS.cooperation).kind).toBe('cooperation');
  });

  it('a region needs coordinates; an end must not lie before the start', () => {
    expect(createInput(ENTITY_FIELDS.REGION, { name: 'X', kind: 'city', lat: '', lon: '12' }).errors).toEqual({ lat: 'form.error.required' });
    const project = { ...emptyForm(ENTITY_FIELDS.PROJECT), name: 'P', start: '2023', end: '2022-12' };
    expect(createInput(ENTITY_FIELDS.PROJECT, project).errors).toEqual({ end: 'form.error.beforeStart' });
    // Partial dates compare by what both give: 2023 and 2023-05 are fine either way round.
    expect(createInput(ENTITY_FIELDS.PROJECT, { ...project, start: '2023-05', end: '2023' }).errors).toEqual({});
    expect(createInput(RELATION_FIELDS.cooperation, { kind: 'cooperation', since: '15.03.2024', until: '01.01.2024', description: '' }).errors).toEqual({ until: 'form.error.beforeStart' });
  });
});

describe('patchInput', () => {
  const before = formOfDetails(actor).values;

  it('sends nothing when nothing changed (also after only white space or a reformatted date)', () => {
    expect(patchInput(ENTITY_FIELDS.ACTOR, before, { ...before, name: `${before.name}  `, sectors: 'handwerk,bildung' })).toEqual({ input: {}, errors: {} });
  });

  it('sends only the changed fields; emptied ones clear (null, or [] for lists)', () => {
    const after = { ...before, kind: 'association', website: '', sectors: '', regionId: 'r-dresden', description: 'Neu' };
    expect(patchInput(ENTITY_FIELDS.ACTOR, before, after)).toEqual({
      input: { kind: 'association', website: null, sectors: [], regionId: 'r-dresden', description: 'Neu' },
      errors: {},
    });
  });

  it('refuses to empty a required field', () => {
    expect(patchInput(ENTITY_FIELDS.ACTOR, before, { ...before, name: ' ' }).errors).toEqual({ name: 'form.error.required' });
  });
});

describe('server problems by field', () => {
  const specs = ENTITY_FIELDS.ACTOR;

  it('maps input paths to fields, the rest to the form', () => {
    expect(fieldOfPath('input.name', specs)).toBe('name');
    expect(fieldOfPath('input.sectors.2', specs)).toBe('sectors');
    expect(fieldOfPath('regionId', specs)).toBe('regionId');
    expect(fieldOfPath('version', specs)).toBeNull();
    expect(fieldOfPath('input.programme', specs)).toBeNull();
  });

  it('collects the issues (several on one field joined)', () => {
    const e = new ApiError('BAD_USER_INPUT', 'input.website: must be a URL', 'input.website', {
      issues: [
        { path: 'input.website', message: 'must be a URL' },
        { path: 'input.website', message: 'too long' },
        { path: 'input.regionId', message: 'region "r-x" not found' },
        { path: 'version', message: 'must be a whole number' },
      ],
    });
    expect(serverErrors(e, specs)).toEqual({
      fields: { website: 'must be a URL; too long', regionId: 'region "r-x" not found' },
      other: ['version: must be a whole number'],
    });
  });

  it('shows the message itself when no field is named', () => {
    expect(serverErrors(new ApiError('BAD_USER_INPUT', 'something odd'), specs)).toEqual({ fields: {}, other: ['something odd'] });
  });
});
