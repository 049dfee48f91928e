/**
 * The domain model of a regional cooperation network, as zod schemas (validation) and the
 * TypeScript types inferred from them. Everything that enters a store goes through these schemas.
 * Absent optional values are `null`, lists are never absent.
 */
import { z } from 'zod';

export const REGION_KINDS = [
  'state',
  'planning_region',
  'district',
  'city',
  'municipality',
  'metropolitan_region',
  'cooperation_region',
  'foreign',
] as const;

export const ACTOR_KINDS = [
  'company',
  'startup',
  'university',
  'school',
  'research_institute',
  'chamber',
  'association',
  'municipality',
  'district_administration',
  'economic_development_agency',
  'funder',
  'education_provider',
  'civil_society',
  'media',
  'other',
] as const;

export const PROJECT_STATUSES = ['planned', 'running', 'completed', 'unknown'] as const;
export const EVENT_KINDS = [
  'kick_off',
  'workshop',
  'fair',
  'conference',
  'excursion',
  'presentation',
  'meeting',
  'other',
] as const;
export const PARTICIPATION_ROLES = ['lead', 'partner', 'advisory', 'funder', 'associated', 'service_provider'] as const;
export const EVENT_ROLES = ['organiser', 'attendee', 'presenter'] as const;
export const COOPERATION_KINDS = ['cooperation', 'member_of', 'part_of', 'carrier_of', 'service'] as const;
export const TARGET_ROLES = ['target', 'partner'] as const;

/** Participation roles that do not make co-participants "cooperate" (a funder is not a partner). */
export const NON_COOPERATING_ROLES: ReadonlySet<string> = new Set(['funder']);

export type RegionKind = (typeof REGION_KINDS)[number];
export type ActorKind = (typeof ACTOR_KINDS)[number];
export type ParticipationRole = (typeof PARTICIPATION_ROLES)[number];

/** Our own stable ids: lower-case letters, digits and `-_.:`, 1–120 characters. */
export const idSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(120, 'must be at most 120 characters')
  .regex(/^[a-z0-9][a-z0-9._:-]*$/, 'must use only a-z, 0-9 and . _ : - (lower case)');

/** Partial ISO date: 2024, 2024-03 or 2024-03-15. */
export const partialDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be a date like 2024, 2024-03 or 2024-03-15');

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((v) => (v === undefined || v === null || v === '' ? null : v));
const optionalDate = partialDateSchema
  .nullish()
  .or(z.literal(''))
  .transform((v) => (v === undefined || v === null || v === '' ? null : v));
const optionalId = idSchema
  .nullish()
  .or(z.literal(''))
  .transform((v) => (v === undefined || v === null || v === '' ? null : v));
const stringList = (max: number) =>
  z
    .array(text(max))
    .max(200, 'at most 200 entries')
    .default([])
    .transform((list) => [...new Set(list.filter((s) => s !== ''))]);
const sourceIds = z
  .array(idSchema)
  .max(50, 'at most 50 sources')
  .default([])
  .transform((list) => [...new Set(list)]);

const entityBase = {
  id: idSchema,
  name: text(300).min(1, 'must not be empty'),
  description: optionalText(5000),
  tags: stringList(80),
  sourceIds,
};

export const sourceSchema = z.object({
  id: idSchema,
  title: text(500).min(1, 'must not be empty'),
  url: z
    .string()
    .trim()
    .url('must be a URL')
    .nullish()
    .or(z.literal(''))
    .transform((v) => (v === undefined || v === null || v === '' ? null : v)),
  date: optionalDate,
  publisher: optionalText(300),
});

export const regionSchema = z.object({
  ...entityBase,
  kind: z.enum(REGION_KINDS),
  code: optionalText(20),
  lat: z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90'),
  lon: z.number().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180'),
  parentId: optionalId,
});

export const actorSchema = z.object({
  ...entityBase,
  kind: z.enum(ACTOR_KINDS),
  sectors: stringList(80),
  regionId: optionalId,
  website: z
    .string()
    .trim()
    .url('must be a URL')
    .nullish()
    .or(z.literal(''))
    .transform((v) => (v === undefined || v === null || v === '' ? null : v)),
});

export const projectSchema = z
  .object({
    ...entityBase,
    programme: optionalText(300),
    start: optionalDate,
    end: optionalDate,
    status: z.enum(PROJECT_STATUSES).default('unknown'),
    goals: stringList(1000),
    results: stringList(1000),
    predecessorId: optionalId,
  })
  .refine((p) => p.start === null || p.end === null || p.start.slice(0, 4) <= p.end.slice(0, 4), {
    message: 'must not lie before start',
    path: ['end'],
  });

export const eventSchema = z.object({
  ...entityBase,
  kind: z.enum(EVENT_KINDS),
  date: optionalDate,
  endDate: optionalDate,
  placeId: optionalId,
  venue: optionalText(300),
  projectId: optionalId,
});

const relationBase = { description: optionalText(2000), sourceIds };

export const participationSchema = z.object({
  actorId: idSchema,
  projectId: idSchema,
  role: z.enum(PARTICIPATION_ROLES),
  /** The funding this actor receives in the project (e.g. the EU contribution), in euros; null when unknown. */
  contribution: z
    .number('must be a number (euros)')
    .min(0, 'must not be negative')
    .nullish()
    .transform((v) => (v === undefined ? null : v)),
  ...relationBase,
});

export const eventParticipationSchema = z.object({
  actorId: idSchema,
  eventId: idSchema,
  role: z.enum(EVENT_ROLES),
  ...relationBase,
});

export const cooperationSchema = z
  .object({
    actorId: idSchema,
    partnerId: idSchema,
    kind: z.enum(COOPERATION_KINDS),
    since: optionalDate,
    until: optionalDate,
    ...relationBase,
  })
  .refine((c) => c.actorId !== c.partnerId, { message: 'an actor cannot cooperate with itself', path: ['partnerId'] });

export const targetSchema = z.object({
  subjectId: idSchema,
  regionId: idSchema,
  role: z.enum(TARGET_ROLES),
  ...relationBase,
});

export type Source = z.infer<typeof sourceSchema>;
export type Region = z.infer<typeof regionSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type Project = z.infer<typeof projectSchema>;
export type Event = z.infer<typeof eventSchema>;
export type Participation = z.infer<typeof participationSchema>;
export type EventParticipation = z.infer<typeof eventParticipationSchema>;
export type Cooperation = z.infer<typeof cooperationSchema>;
export type Target = z.infer<typeof targetSchema>;

/** The schemas of a batch, keyed like the batch itself (and like the CSV files). */
export const BATCH_SCHEMAS = {
  sources: sourceSchema,
  regions: regionSchema,
  actors: actorSchema,
  projects: projectSchema,
  events: eventSchema,
  participations: participationSchema,
  eventParticipations: eventParticipationSchema,
  cooperations: cooperationSchema,
  targets: targetSchema,
} as const;

export type BatchKey = keyof typeof BATCH_SCHEMAS;
export const BATCH_KEYS = Object.keys(BATCH_SCHEMAS) as BatchKey[];

/** A set of entities and relationships written together, all or nothing. */
export interface GraphBatch {
  sources: Source[];
  regions: Region[];
  actors: Actor[];
  projects: Project[];
  events: Event[];
  participations: Participation[];
  eventParticipations: EventParticipation[];
  cooperations: Cooperation[];
  targets: Target[];
}

/** Input to a batch: every list optional, rows not yet validated. */
export type GraphBatchInput = { [K in BatchKey]?: readonly unknown[] };

export function emptyBatch(): GraphBatch {
  return {
    sources: [],
    regions: [],
    actors: [],
    projects: [],
    events: [],
    participations: [],
    eventParticipations: [],
    cooperations: [],
    targets: [],
  };
}

/** The natural key of a relationship row (one row per key). */
export const relationKey = {
  participations: (r: Participation) => `${r.actorId}|${r.projectId}`,
  eventParticipations: (r: EventParticipation) => `${r.actorId}|${r.eventId}`,
  cooperations: (r: Cooperation) => `${r.actorId}|${r.partnerId}|${r.kind}`,
  targets: (r: Target) => `${r.subjectId}|${r.regionId}`,
} as const;

export type NodeType = 'ACTOR' | 'PROJECT' | 'REGION' | 'EVENT';
export const NODE_TYPES: readonly NodeType[] = ['ACTOR', 'PROJECT', 'REGION', 'EVENT'];

/** The kinds of relationship row (keyed by `relationKey`), and the kinds of entity (keyed by id). */
export type RelationKey = keyof typeof relationKey;
export const RELATION_KEYS: readonly RelationKey[] = ['participations', 'eventParticipations', 'cooperations', 'targets'];
export type EntityKey = Exclude<BatchKey, RelationKey>;
export const ENTITY_KEYS: readonly EntityKey[] = ['sources', 'regions', 'actors', 'projects', 'events'];
export const isRelationKey = (k: BatchKey): k is RelationKey => (RELATION_KEYS as readonly string[]).includes(k);
