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

/** How a slide reveals its network step by step: not at all, region by region, or year by year. */
export const REVEAL_BY = ['none', 'region', 'year'] as const;

/** Limits of a story (a story travels whole: in one row, one cell, one JSON value). */
export const STORY_LIMITS = {
  slides: 100,
  query: 4000,
  notes: 5000,
  positions: 20_000,
  highlight: 2000,
  /** The whole story as JSON (UTF-8 bytes). */
  bytes: 2_000_000,
} as const;

const point = z.object({ x: z.number('must be a number'), y: z.number('must be a number') });
const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => (v === undefined ? null : v));

/**
 * What a slide shows: the explorer's URL query string (filters, layout, focus, selection, analysis
 * tab, encoding: everything client/state/url.ts reads), plus what the URL does not hold: node
 * positions (null: the layout places them), zoom and pan (null: fit) with the canvas size they belong
 * to, highlighted nodes. Strict: a
 * key it does not know is an error (view and reveal arrive as free JSON objects through the API).
 */
export const slideViewSchema = z.strictObject({
  query: z
    .string('must be a string')
    .trim()
    .max(STORY_LIMITS.query, `must be at most ${STORY_LIMITS.query} characters`)
    .refine((q) => q === '' || q.startsWith('?'), 'must be empty or a URL query string starting with "?"')
    .default(''),
  positions: nullable(
    z
      .record(z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'), point)
      .refine((p) => Object.keys(p).length <= STORY_LIMITS.positions, `at most ${STORY_LIMITS.positions} positions`),
  ),
  zoom: nullable(z.number('must be a number').positive('must be greater than 0')),
  pan: nullable(point),
  /** The canvas zoom and pan belong to (pixels); null: the explorer's reference canvas (1280×720). */
  size: nullable(
    z.object({
      w: z.number('must be a number').positive('must be greater than 0').max(100_000, 'must be at most 100000'),
      h: z.number('must be a number').positive('must be greater than 0').max(100_000, 'must be at most 100000'),
    }),
  ),
  highlight: z
    .array(idSchema)
    .max(STORY_LIMITS.highlight, `at most ${STORY_LIMITS.highlight} nodes`)
    .default([])
    .transform((list) => [...new Set(list)]),
});

export const slideSchema = z.object({
  id: idSchema,
  title: z
    .string('must be a string')
    .trim()
    .max(300, 'must be at most 300 characters')
    .nullish()
    .transform((v) => v ?? ''),
  /** Speaker notes. */
  notes: optionalText(STORY_LIMITS.notes),
  /** Absent or null: an empty view (the whole network, default layout). */
  view: z.preprocess((v) => v ?? {}, slideViewSchema),
  /** Absent or null: no reveal. */
  reveal: z.preprocess((v) => v ?? {}, z.strictObject({ by: z.enum(REVEAL_BY).default('none') })),
});

const utf8 = new TextEncoder();

/** A story: an ordered list of slides, each a saved view of the explorer with a title and speaker notes. */
export const storySchema = z
  .object({
    id: idSchema,
    title: text(300).min(1, 'must not be empty'),
    description: optionalText(5000),
    slides: z.array(slideSchema).max(STORY_LIMITS.slides, `at most ${STORY_LIMITS.slides} slides`).default([]),
  })
  .superRefine((story, ctx) => {
    const first = new Map<string, number>();
    story.slides.forEach((slide, i) => {
      const before = first.get(slide.id);
      if (before === undefined) first.set(slide.id, i);
      else ctx.addIssue({ code: 'custom', path: ['slides', i, 'id'], message: `duplicate slide id "${slide.id}" (slides[${before}] has it too)` });
    });
    const bytes = utf8.encode(JSON.stringify(story)).length;
    if (bytes > STORY_LIMITS.bytes)
      ctx.addIssue({
        code: 'custom',
        path: ['slides'],
        message: `the story is ${(bytes / 1e6).toFixed(1)} MB of JSON; at most ${STORY_LIMITS.bytes / 1e6} MB (store fewer node positions or split the story)`,
      });
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
export type Story = z.infer<typeof storySchema>;
export type Slide = z.infer<typeof slideSchema>;
export type SlideView = z.infer<typeof slideViewSchema>;

/** The schemas of a batch, keyed like the batch itself (and like the CSV files). */
export const BATCH_SCHEMAS = {
  sources: sourceSchema,
  regions: regionSchema,
  actors: actorSchema,
  projects: projectSchema,
  events: eventSchema,
  stories: storySchema,
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
  /** Stories (slides of saved views): not network nodes, but they travel with the network. */
  stories: Story[];
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
    stories: [],
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
export const ENTITY_KEYS: readonly EntityKey[] = ['sources', 'regions', 'actors', 'projects', 'events', 'stories'];
export const isRelationKey = (k: BatchKey): k is RelationKey => (RELATION_KEYS as readonly string[]).includes(k);
