/** The labels of the pseudonymised mode for components deep down (search suggestions): real names by default. */
import { createContext, useContext } from 'react';
import { realNames, type NameOf } from '../state/pseudonyms.ts';

export const PseudoContext = createContext<NameOf>(realNames);

export function useNameOf(): NameOf {
  return useContext(PseudoContext);
}
