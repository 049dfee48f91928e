/**
 * The stage: shows a story's slides on the explorer's own canvas, in the explorer (a slide chosen in
 * the story panel) or in presentation mode (full screen, keys, reveal steps). A shown slide sets the
 * explorer state from its query and hands its stored picture (positions, zoom, pan) to the canvas;
 * as soon as the explorer state differs from the slide's (the user changed a filter), the explorer
 * is on its own again. Leaving a presentation restores the view from before.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiError } from '../api/client.ts';
import { fetchNetwork } from '../api/queries.ts';
import { NODE_TYPES, type Network, type RegionSummary } from '../api/types.ts';
import { config } from '../config.ts';
import type { PresetView } from '../graph/NetworkView.tsx';
import type { Element } from '../graph/toElements.ts';
import { reduce, type ExplorerState } from '../state/explorer.ts';
import { filterOf } from '../state/network.ts';
import { asApiError, type Dispatch } from '../state/useExplorer.ts';
import { effectiveStep, present, startPresentation, type PresentationAction, type PresentationState, type Theme } from './presentation.ts';
import { regionSteps, yearReveal, yearSteps, type RegionStep, type Visible, type YearStep } from './reveal.ts';
import { slideQuery, slideState, type Slide, type Story } from './story.ts';

export interface StageInput {
  state: ExplorerState;
  dispatch: Dispatch;
  story: Story | null;
  /** What is drawn now (before the reveal), and whether it answers the current state. */
  network: Network | null;
  dataCurrent: boolean;
  /** The current state's network could not be loaded. */
  dataFailed: ApiError | null;
  regions: ReadonlyMap<string, RegionSummary> | null;
  years: { min: number | null; max: number | null } | null;
}

/** What a step of the shown slide reveals: a region's actors, or the network as of a year. */
export type StepInfo = { kind: 'region'; regionId: string | null } | { kind: 'year'; year: number | null } | null;

interface Shown {
  index: number;
  step: number;
  key: string;
  /** The explorer state the slide (step) shows, as its URL: while the state is this, the slide stands. */
  search: string;
  animate: boolean;
}

export interface Stage {
  presentation: PresentationState | null;
  /** The slide shown (in the explorer or presenting) while the explorer shows it. */
  slide: Slide | null;
  slideIndex: number | null;
  step: number;
  steps: number;
  stepInfo: StepInfo;
  preset: PresetView | null;
  /** What this reveal step shows (null: everything). */
  visible: ReadonlySet<string> | Visible | null;
  /** Nodes the slide highlights. */
  highlight: readonly string[];
  /** The picture the canvas last reported standing, with the elements it stands for. */
  applied: { key: string; elements: readonly Element[] } | null;
  /** False while the reveal step's data is loading. */
  revealReady: boolean;
  /** Presenting: the slide cannot be shown (its network or a year of its reveal did not load); the canvas stays empty. */
  failure: ApiError | null;
  /** The page sets it: the shown slide's picture stands (data loaded, positions and viewport reached). */
  settledRef: { current: boolean };
  /** Presenting, or rendering pictures of the slides (the PDF). */
  busy: string | null;
  /**
   * Presenting a slide on an analysis tab: the analysis panel shows beside the network (not with
   * pseudonyms, whose audience must not see the names in it; not in the PDF's pictures).
   */
  analysis: boolean;
  start(index?: number, theme?: Theme): void;
  act(action: 'next' | 'prev' | 'first' | 'last'): void;
  set(action: Extract<PresentationAction, { type: 'setTheme' | 'toggleTheme' | 'toggleNotes' | 'toggleLegend' }>): void;
  leave(): void;
  /** Shows a slide in the explorer (not presenting). */
  preview(index: number): void;
  onApplied(key: string, elements: readonly Element[]): void;
  /**
   * Goes through every slide fully revealed without animation, calling `each` when its picture
   * stands; then back to the view from before. Slides that cannot be shown are skipped: their
   * indexes with the reason are the result.
   */
  walk(theme: Theme, each: (index: number) => Promise<void>, label: string): Promise<{ index: number; error: ApiError }[]>;
}

const SETTLE_TIMEOUT_MS = 30_000;
const NOTHING: Visible = { nodes: new Set(), edges: new Set() };

/** Resolves when `done()` holds (checked every 50 ms), rejects after `timeout` ms. */
function until(done: () => boolean, timeout: number): Promise<void> {
  const begun = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (done()) resolve();
      else if (Date.now() - begun > timeout) reject(new Error('The slide did not show in time.'));
      else setTimeout(check, 50);
    };
    check();
  });
}

export function useStage(input: StageInput): Stage {
  const { state, dispatch, story, network, dataCurrent, dataFailed, regions, years } = input;
  const [presentation, setPresentation] = useState<PresentationState | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [applied, setApplied] = useState<{ key: string; elements: readonly Element[] } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const before = useRef<ExplorerState | null>(null);
  const current = useRef(state);
  current.current = state;
  const animate = useRef(true);

  // Language, pseudonyms and the open story are the audience's: switching them keeps the slide.
  const search = slideQuery(state);
  const active = shown && shown.search === search && story ? shown : null;
  const slide = active ? (story?.slides[active.index] ?? null) : null;

  // Reveal plans of the slide shown in presentation mode.
  const presenting = presentation !== null;
  const presentedSlide = presenting ? (story?.slides[presentation.index] ?? null) : null;
  const by = presentedSlide?.reveal.by ?? 'none';
  const regionPlan = useMemo<RegionStep[] | null>(
    () => (by === 'region' && active && active.index === presentation?.index && network && dataCurrent && regions ? regionSteps(network, regions) : null),
    // The plan belongs to the slide's network (the same for all its steps).
    [by, active?.index, presentation?.index, network, dataCurrent, regions],
  );
  const lastPlan = useRef<{ slideId: string; plan: RegionStep[] } | null>(null);
  if (regionPlan && presentedSlide) lastPlan.current = { slideId: presentedSlide.id, plan: regionPlan };
  const plan = presentedSlide && lastPlan.current?.slideId === presentedSlide.id ? lastPlan.current.plan : regionPlan;
  const minYear = years?.min ?? null;
  const maxYear = years?.max ?? null;
  const yearPlan = useMemo(() => {
    if (by !== 'year' || !presentedSlide) return null;
    const own = slideState(presentedSlide.view, current.current).filters.year;
    return yearSteps(minYear, maxYear, own);
  }, [by, presentedSlide, minYear, maxYear]);
  // The slide's network as of each year of the plan (loaded when the slide comes up).
  const [yearNets, setYearNets] = useState<{ slideId: string; nets: Map<number, Network>; error: ApiError | null } | null>(null);
  useEffect(() => {
    if (!presentedSlide || !yearPlan) return;
    const ac = new AbortController();
    const filters = slideState(presentedSlide.view, current.current).filters;
    const id = presentedSlide.id;
    setYearNets({ slideId: id, nets: new Map(), error: null });
    for (const y of yearPlan) {
      if (y === null) continue;
      fetchNetwork(filterOf({ ...filters, year: y, nodeTypes: [...NODE_TYPES] }, config.nodeLimit), ac.signal)
        .then((net) => !ac.signal.aborted && setYearNets((prev) => (prev?.slideId === id ? { ...prev, nets: new Map(prev.nets).set(y, net) } : prev)))
        .catch((e: unknown) => !ac.signal.aborted && setYearNets((prev) => (prev?.slideId === id ? { ...prev, error: prev.error ?? asApiError(e) } : prev)));
    }
    return () => ac.abort();
  }, [presentedSlide, yearPlan]);
  const ownYearNets = yearNets && yearNets.slideId === presentedSlide?.id ? yearNets : null;
  // The years that each show something new (known once every year's network is in).
  const yearStepsShown = useMemo(
    () => (yearPlan && ownYearNets && network && dataCurrent && active?.index === presentation?.index ? yearReveal(network, yearPlan, ownYearNets.nets) : null),
    // The plan belongs to the slide's network (the same for all its steps).
    [yearPlan, ownYearNets, network, dataCurrent, active?.index, presentation?.index],
  );
  const lastYears = useRef<{ slideId: string; steps: YearStep[] } | null>(null);
  if (yearStepsShown && presentedSlide) lastYears.current = { slideId: presentedSlide.id, steps: yearStepsShown };
  const yearShownSteps = presentedSlide && lastYears.current?.slideId === presentedSlide.id ? lastYears.current.steps : yearStepsShown;
  // The slide cannot be shown: its network, or a year of its reveal, did not load.
  const failure = presenting && active ? (dataFailed ?? (by === 'year' ? (ownYearNets?.error ?? null) : null)) : null;
  const steps = failure ? 1 : by === 'region' ? Math.max(1, plan?.length ?? 1) : by === 'year' ? (yearShownSteps?.length ?? yearPlan?.length ?? 1) : 1;
  const step = presentation ? effectiveStep(presentation.step, steps) : 0;

  /** Shows slide `index` at `step` (its explorer state and picture). */
  const show = useCallback(
    (index: number, stepNo: number, anim: boolean) => {
      const s = story?.slides[index];
      if (!s) return;
      const target = slideState(s.view, current.current);
      const next = reduce(current.current, { type: 'show', state: target });
      setShown({ index, step: stepNo, key: `${s.id}#${stepNo}#${anim ? 'a' : 's'}`, search: slideQuery(next), animate: anim });
      dispatch({ type: 'show', state: target }, { replaceHistory: true });
    },
    [story, dispatch],
  );

  // Presenting: the slide and step the presentation is at.
  useEffect(() => {
    if (!presentation || !story) return;
    show(presentation.index, step, animate.current);
    // `busy`: a walk through the slides shows them again without animation.
  }, [presentation?.index, step, story, show, busy]);

  const legendShown = presentation?.legend ?? false;
  const analysis = presenting && busy === null && state.analysis.tab !== null && !state.pseudo;
  const preset = useMemo((): PresetView | null => {
    if (!active || !slide) return null;
    const v = slide.view;
    return {
      key: active.key,
      picture: slide.id,
      positions: v.positions,
      zoom: v.zoom,
      pan: v.pan,
      size: v.size ?? null,
      animate: active.animate,
      // Presenting: the title overlay at the top and the controls at the bottom keep their room.
      // (and the legend its column on the left; beside the analysis panel, labels keep clear of it).
      ...(presenting ? { insets: { top: 110, right: analysis ? 80 : 40, bottom: 110, left: legendShown ? 300 : 40 } } : {}),
    };
  }, [active, slide, presenting, legendShown, analysis]);

  // What the step reveals; the years' networks not loaded yet: nothing yet.
  const yearsLoading = by === 'year' && presenting && !yearShownSteps;
  const yearStep = by === 'year' && presenting ? yearShownSteps?.[step] : undefined;
  const visible: ReadonlySet<string> | Visible | null = !presenting || !active
    ? null
    : failure
      ? NOTHING
      : by === 'region'
        ? (plan?.[step]?.visible ?? null)
        : yearsLoading
          ? NOTHING
          : (yearStep?.visible ?? null);
  const revealReady = !yearsLoading;
  const stepInfo: StepInfo =
    !presenting || steps <= 1 || failure
      ? null
      : by === 'region'
        ? { kind: 'region', regionId: plan?.[step]?.regionId ?? null }
        : by === 'year'
          ? { kind: 'year', year: yearStep ? yearStep.year : (yearPlan?.[step] ?? null) }
          : null;
  const highlight = useMemo(() => (slide ? slide.view.highlight.filter((id) => id !== state.selected && id !== state.also) : []), [slide, state.selected, state.also]);

  // Read by the walk through the slides (a loop across renders).
  const keyRef = useRef<string | null>(null);
  keyRef.current = preset?.key ?? null;
  const settledRef = useRef(false);
  const failureRef = useRef<ApiError | null>(null);
  failureRef.current = failure;

  const fullscreen = useRef(false);
  const start = useCallback(
    (index = 0, theme: Theme = 'projector') => {
      if (!story || story.slides.length === 0) return;
      before.current ??= current.current;
      animate.current = true;
      setPresentation(startPresentation(Math.min(index, story.slides.length - 1), theme));
      // Full screen where the browser allows it (it needs this click); otherwise the full window.
      const el = document.documentElement;
      if (el.requestFullscreen && !document.fullscreenElement)
        el.requestFullscreen()
          .then(() => {
            fullscreen.current = true;
          })
          .catch(() => undefined);
    },
    [story],
  );

  const leave = useCallback(() => {
    setPresentation(null);
    setShown(null);
    lastPlan.current = null;
    lastYears.current = null;
    if (before.current) dispatch({ type: 'restore', state: before.current }, { replaceHistory: true });
    before.current = null;
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    fullscreen.current = false;
  }, [dispatch]);

  // Leaving full screen (the browser's own Escape) leaves the presentation too.
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement && fullscreen.current) {
        fullscreen.current = false;
        leave();
      }
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [leave]);

  const slides = story?.slides.length ?? 0;
  const act = useCallback(
    (a: 'next' | 'prev' | 'first' | 'last') => {
      animate.current = true;
      setPresentation((p) => {
        if (!p) return p;
        if (a === 'next') return present(p, { type: 'next', steps, slides });
        if (a === 'prev') return present(p, { type: 'prev', steps });
        return present(p, { type: 'goto', index: a === 'first' ? 0 : slides - 1, slides, step: a === 'first' ? 0 : 'last' });
      });
    },
    [steps, slides],
  );

  const set = useCallback((a: Extract<PresentationAction, { type: 'setTheme' | 'toggleTheme' | 'toggleNotes' | 'toggleLegend' }>) => setPresentation((p) => (p ? present(p, a) : p)), []);

  const preview = useCallback(
    (index: number) => {
      if (presentation) return;
      show(index, 0, true);
    },
    [presentation, show],
  );

  const onApplied = useCallback((key: string, elements: readonly Element[]) => setApplied({ key, elements }), []);

  const walk = useCallback(
    async (theme: Theme, each: (index: number) => Promise<void>, label: string) => {
      if (!story || story.slides.length === 0) return [];
      const wasPresenting = presentation !== null;
      const keep = before.current ?? current.current;
      if (!wasPresenting) before.current = keep;
      setBusy(label);
      const skipped: { index: number; error: ApiError }[] = [];
      try {
        for (let i = 0; i < story.slides.length; i++) {
          animate.current = false;
          setPresentation((p) => ({ ...(p ?? startPresentation(i, theme)), index: i, step: 'last', theme }));
          // Until slide i stands, fully revealed and without animation (its key: "<slide id>#<step>#s").
          const id = story.slides[i]?.id ?? '';
          // (Or it cannot be shown: then it is skipped.)
          await until(() => (settledRef.current || failureRef.current !== null) && !!keyRef.current?.startsWith(`${id}#`) && keyRef.current.endsWith('#s'), SETTLE_TIMEOUT_MS);
          const failed = failureRef.current;
          if (failed) skipped.push({ index: i, error: failed });
          else await each(i);
        }
        return skipped;
      } finally {
        animate.current = true;
        setBusy(null);
        if (!wasPresenting) {
          setPresentation(null);
          setShown(null);
          lastPlan.current = null;
          lastYears.current = null;
          dispatch({ type: 'restore', state: keep }, { replaceHistory: true });
          before.current = null;
        }
      }
    },
    [story, presentation, dispatch],
  );

  return {
    presentation,
    slide,
    slideIndex: active?.index ?? null,
    step,
    steps,
    stepInfo,
    preset,
    visible,
    highlight,
    applied,
    revealReady,
    failure,
    settledRef,
    busy,
    analysis,
    start,
    act,
    set,
    leave,
    preview,
    onApplied,
    walk,
  };
}
