/**
 * Presentation mode as plain data with pure transitions: which slide, which reveal step, the theme,
 * whether the speaker notes and the legend show. The number of steps of a slide comes from its data
 * (reveal.ts), so moving on takes the current slide's step count.
 */

export const THEMES = ['projector', 'print'] as const;
export type Theme = (typeof THEMES)[number];

export interface PresentationState {
  index: number;
  /** Reveal step of the slide; 'last': everything (entering a slide backwards). */
  step: number | 'last';
  theme: Theme;
  /** Speaker notes (not for the audience: off until asked for). */
  notes: boolean;
  legend: boolean;
}

export type PresentationAction =
  | { type: 'next'; steps: number; slides: number }
  | { type: 'prev'; steps: number }
  | { type: 'goto'; index: number; slides: number; step?: number | 'last' }
  | { type: 'setTheme'; theme: Theme }
  | { type: 'toggleTheme' }
  | { type: 'toggleNotes' }
  | { type: 'toggleLegend' };

export function startPresentation(index = 0, theme: Theme = 'projector'): PresentationState {
  return { index: Math.max(0, index), step: 0, theme, notes: false, legend: true };
}

/** The step shown: 'last' and steps beyond the slide's count are its last step. */
export function effectiveStep(step: number | 'last', steps: number): number {
  const n = Math.max(1, steps);
  return step === 'last' ? n - 1 : Math.max(0, Math.min(step, n - 1));
}

export function present(p: PresentationState, a: PresentationAction): PresentationState {
  switch (a.type) {
    case 'next': {
      const s = effectiveStep(p.step, a.steps);
      if (s < a.steps - 1) return { ...p, step: s + 1 };
      if (p.index < a.slides - 1) return { ...p, index: p.index + 1, step: 0 };
      return p;
    }
    case 'prev': {
      const s = effectiveStep(p.step, a.steps);
      if (s > 0) return { ...p, step: s - 1 };
      if (p.index > 0) return { ...p, index: p.index - 1, step: 'last' };
      return p;
    }
    case 'goto': {
      const index = Math.max(0, Math.min(a.slides - 1, a.index));
      const step = a.step ?? 0;
      return index === p.index && step === p.step ? p : { ...p, index, step };
    }
    case 'setTheme':
      return p.theme === a.theme ? p : { ...p, theme: a.theme };
    case 'toggleTheme':
      return { ...p, theme: p.theme === 'projector' ? 'print' : 'projector' };
    case 'toggleNotes':
      return { ...p, notes: !p.notes };
    case 'toggleLegend':
      return { ...p, legend: !p.legend };
  }
}

/** What a key does in presentation mode (null: not ours). Presenter clickers send PageUp/PageDown. */
export function keyAction(key: string, shift = false): 'next' | 'prev' | 'first' | 'last' | 'leave' | 'notes' | 'theme' | 'legend' | 'pseudo' | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case 'Enter':
      return 'next';
    case ' ':
    case 'Spacebar':
      return shift ? 'prev' : 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'Backspace':
      return 'prev';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
      return 'leave';
    case 'n':
    case 'N':
      return 'notes';
    case 't':
    case 'T':
      return 'theme';
    case 'l':
    case 'L':
      return 'legend';
    case 'p':
    case 'P':
      return 'pseudo';
    default:
      return null;
  }
}
