/**
 * The analysis service as a pseudonymised session sees it (pseudonyms.ts): every result (metrics,
 * gaps, coverage, what-if, suggestions, parts, insights — whose sentences name actors) with actor
 * labels replaced by pseudonyms, actor ids by pseudonymous ids and actor names in sentences replaced;
 * pseudonymous ids in the arguments (what-if's `remove`) map back. The service computes and caches on
 * the real store as before; only arguments and results are mapped, per request.
 */
import type { AnalysisService } from '../metrics/metrics.service.ts';
import type { PseudonymsOf } from './pseudonymous-store.ts';
import { realIds, scrub } from './pseudonyms.ts';

export function pseudonymousAnalysis(analysis: AnalysisService, pOf: PseudonymsOf): AnalysisService {
  return new Proxy(analysis, {
    get(target, prop) {
      const v: unknown = Reflect.get(target, prop, target);
      if (typeof v !== 'function') return v;
      // Every method answers asynchronously for such a session (the numbering is read first).
      return async (...args: unknown[]) => {
        const r: unknown = await (v as (...a: unknown[]) => unknown).apply(target, realIds(args, await pOf()));
        return scrub(r, await pOf(), false);
      };
    },
  });
}
