import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BATCH_KEYS } from '../domain/model.ts';
import { demoBundle } from './load-demo.ts';
import { seedCypher } from './seed-cypher.ts';

const committed = readFileSync(fileURLToPath(new URL('../../cypher/seed.cypher', import.meta.url)), 'utf8');

describe('cypher/seed.cypher', () => {
  it('is generated from the demo files (run `npm run seed:cypher` when this fails)', async () => {
    expect(committed).toBe(await seedCypher());
  });

  it('holds every row of every CSV file and the built-in regions', () => {
    const { batch } = demoBundle();
    expect(batch.regions?.length).toBe(31 + 417 - 8); // the demo's own regions, the built-ins it does not change
    const statements = committed.split(/;\n/).filter((s) => s.includes('UNWIND'));
    const rowsIn = (pattern: RegExp) => {
      const st = statements.find((s) => pattern.test(s));
      return st ? st.split('\n').filter((l) => l.startsWith('  {')).length : 0;
    };
    expect(rowsIn(/MERGE \(n:Source /)).toBe(batch.sources?.length);
    expect(rowsIn(/MERGE \(n:Region /)).toBe(batch.regions?.length);
    expect(rowsIn(/MERGE \(n:Actor /)).toBe(batch.actors?.length);
    expect(rowsIn(/MERGE \(n:Project /)).toBe(batch.projects?.length);
    expect(rowsIn(/MERGE \(n:Event /)).toBe(batch.events?.length);
    expect(rowsIn(/MERGE \(n:Story /)).toBe(batch.stories?.length); // the demo story (stories.json)
    expect(rowsIn(/PARTICIPATES_IN/)).toBe(batch.participations?.length);
    expect(rowsIn(/TAKES_PART_IN/)).toBe(batch.eventParticipations?.length);
    expect(rowsIn(/COOPERATES_WITH/)).toBe(batch.cooperations?.length);
    for (const key of BATCH_KEYS) expect(committed.length > 0 && (batch[key]?.length ?? 0) > 0).toBe(true);
    // every actor id appears
    for (const a of batch.actors ?? []) expect(committed).toContain(`id: '${(a as { id: string }).id}'`);
  });
});
