/**
 * The analysis service as a pseudonymised session sees it (pseudonyms.ts): every result (metrics,
 * gaps, coverage, what-if, suggestions, parts, insights — whose sentences name actors) with actor
 * labels replaced by pseudonyms and actor names in sentences replaced. The service computes and caches
 * on the real store as before; only its results are mapped, per request.
 */
import type { AnalysisService } from '../metrics/metrics.service.ts';
import { scrub, type Pseudonyms } from './pseudonyms.ts';

export function pseudonymousAnalysis(analysis: AnalysisService, p: Pseudonyms): AnalysisService {
  return new Proxy(analysis, {
    get(target, prop) {
      const v: unknown = Reflect.get(target, prop, target);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        const r: unknown = (v as (...a: unknown[]) => unknown).apply(target, args);
        return r instanceof Promise ? r.then((x: unknown) => scrub(x, p, false)) : scrub(r, p, false);
      };
    },
  });
}
