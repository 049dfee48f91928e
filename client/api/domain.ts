/**
 * The closed value lists of the domain (kinds, statuses, roles), for the edit forms' selects. They
 * mirror `server/domain/model.ts` (a test checks that they are the same), without bundling zod.
 */
export const REGION_KINDS = ['state', 'planning_region', 'district', 'city', 'municipality', 'metropolitan_region', 'cooperation_region', 'foreign'] as const;
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
export const EVENT_KINDS = ['kick_off', 'workshop', 'fair', 'conference', 'excursion', 'presentation', 'meeting', 'other'] as const;
export const PARTICIPATION_ROLES = ['lead', 'partner', 'advisory', 'funder', 'associated', 'service_provider'] as const;
export const EVENT_ROLES = ['organiser', 'attendee', 'presenter'] as const;
export const COOPERATION_KINDS = ['cooperation', 'member_of', 'part_of', 'carrier_of', 'service'] as const;
export const TARGET_ROLES = ['target', 'partner'] as const;
