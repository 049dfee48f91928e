/** Presentation mode: moving through slides and their reveal steps, themes, notes, keys. */
import { describe, expect, it } from 'vitest';
import { effectiveStep, keyAction, present, startPresentation, type PresentationState } from './presentation.ts';

describe('present', () => {
  const start = startPresentation();

  it('starts on the first slide, projector theme, notes hidden from the audience', () => {
    expect(start).toEqual({ index: 0, step: 0, theme: 'projector', notes: false, legend: true });
  });

  it('steps through the reveal steps of a slide, then to the next slide, and stops at the end', () => {
    let p: PresentationState = start;
    p = present(p, { type: 'next', steps: 3, slides: 2 });
    expect(p).toMatchObject({ index: 0, step: 1 });
    p = present(p, { type: 'next', steps: 3, slides: 2 });
    expect(p).toMatchObject({ index: 0, step: 2 });
    p = present(p, { type: 'next', steps: 3, slides: 2 });
    expect(p).toMatchObject({ index: 1, step: 0 });
    const end = present(p, { type: 'next', steps: 1, slides: 2 });
    expect(end).toBe(p);
  });

  it('going back enters the previous slide fully revealed, and stops at the start', () => {
    let p: PresentationState = { ...start, index: 1, step: 0 };
    p = present(p, { type: 'prev', steps: 1 });
    expect(p).toMatchObject({ index: 0, step: 'last' });
    expect(effectiveStep(p.step, 4)).toBe(3);
    p = present(p, { type: 'prev', steps: 4 });
    expect(p).toMatchObject({ index: 0, step: 2 });
    const first = present({ ...p, step: 0 }, { type: 'prev', steps: 4 });
    expect(present(first, { type: 'prev', steps: 4 })).toBe(first);
  });

  it('goes to a slide (clamped), switches theme, notes and legend', () => {
    expect(present(start, { type: 'goto', index: 7, slides: 3 })).toMatchObject({ index: 2, step: 0 });
    expect(present(start, { type: 'goto', index: 1, slides: 3, step: 'last' })).toMatchObject({ index: 1, step: 'last' });
    expect(present(start, { type: 'goto', index: 0, slides: 3 })).toBe(start);
    expect(present(start, { type: 'toggleTheme' }).theme).toBe('print');
    expect(present(start, { type: 'setTheme', theme: 'projector' })).toBe(start);
    expect(present(start, { type: 'toggleNotes' }).notes).toBe(true);
    expect(present(start, { type: 'toggleLegend' }).legend).toBe(false);
  });

  it('clamps steps to the slide', () => {
    expect(effectiveStep(5, 2)).toBe(1);
    expect(effectiveStep(0, 0)).toBe(0);
    expect(effectiveStep('last', 1)).toBe(0);
  });
});

describe('keyAction', () => {
  it('maps arrows, presenter clicker keys (PageUp/PageDown), space, Escape and the toggles', () => {
    expect(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter'].map((k) => keyAction(k))).toEqual(['next', 'next', 'next', 'next', 'next']);
    expect(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace'].map((k) => keyAction(k))).toEqual(['prev', 'prev', 'prev', 'prev']);
    expect(keyAction(' ', true)).toBe('prev');
    expect([keyAction('Home'), keyAction('End'), keyAction('Escape'), keyAction('n'), keyAction('T'), keyAction('l'), keyAction('p'), keyAction('x')]).toEqual(['first', 'last', 'leave', 'notes', 'theme', 'legend', 'pseudo', null]);
  });
});
