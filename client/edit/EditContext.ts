/** What the details panel's parts need to know for editing: may this user edit, and how to reload. */
import { createContext, useContext } from 'react';

export interface Editing {
  /** An editor or admin is signed in and the details carry versions. */
  canEdit: boolean;
  /** Load the details again (after a conflict). */
  reload(): void;
}

export const EditContext = createContext<Editing>({ canEdit: false, reload: () => {} });

export const useEditing = (): Editing => useContext(EditContext);
