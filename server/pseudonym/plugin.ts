/**
 * The last step of every GraphQL answer for a pseudonymised session (pseudonyms.ts): any actor name
 * still left in any string of the data or of an error message is replaced by its pseudonym. The store
 * and the analysis already answer with pseudonyms; this catches what a future resolver might add.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { PseudonymsOf } from './pseudonymous-store.ts';
import { scrub } from './pseudonyms.ts';

export function pseudonymPlugin<C extends { pseudonyms: PseudonymsOf | null }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const pOf = (contextValue as C | undefined)?.pseudonyms;
          if (!pOf || response.body.kind !== 'single') return;
          const p = await pOf();
          const r = response.body.singleResult;
          if (r.data) r.data = scrub(r.data, p, false);
          if (r.errors) r.errors = r.errors.map((e) => ({ ...e, message: p.text(e.message) }));
        },
      };
    },
  };
}
