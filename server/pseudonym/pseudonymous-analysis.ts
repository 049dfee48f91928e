/**
 * The analysis service as a pseudonymised session sees it (pseudonyms.ts): every result (metrics,
 * gaps, coverage, what-if, suggestions, parts, insights — whose sentences name actors) with actor
 * labels replaced by pseudonyms, actor ids by pseudonymous ids and actor names in sentences replaced;
 * pseudonymous ids in the arguments (what-if's `remove`) map back. The service computes and caches on
 * the real store as before; only arguments and results are mapped, per request.
 */
import type { AnalysisService } from '../metrics/metrics.service.ts';
import { realIds, scrub, type Pseudonyms } from './pseudonyms.ts';

export function pseudonymousAnalysis(analysis: AnalysisService, p: Pseudonyms): AnalysisService {
  return new Proxy(analysis, {
    get(target, prop) {
      const v: unknown = Reflect.get(target, prop, target);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        const r: unknown = (v as (...a: unknown[]) => unknown).apply(target, realIds(args, p));
        return r instanceof Promise ? r.then((x: unknown) => scrub(x, p, false)) : scrub(r, p, false);
      };
    },
  });
}
