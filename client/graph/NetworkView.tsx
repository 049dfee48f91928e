/**
 * The only component that touches Cytoscape (conventions §8; the one other importer is
 * layout.worker.ts, which runs fcose on a headless instance off the main thread). It creates the instance on mount,
 * patches elements by id inside `cy.batch()`, re-runs the layout only when the layout or the element
 * set changes, and turns Cytoscape events into callbacks (state actions). Hover highlighting is
 * transient and stays in here.
 */
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useRef } from 'react';
import type { SceneEdge, SceneNode, Scene } from '../picture/svg.ts';
import type { Position, LayoutName } from '../state/explorer.ts';
import type { PathHighlight } from '../state/network.ts';
import { viewportFor, type CanvasSnapshot, type Size } from '../story/story.ts';
import { chooseLabels } from './labels.ts';
import { DRAFT_NODES, cancelForceLayout, concentricOptions, fcoseOptions, runForceLayout } from './layouts.ts';
import { streamForceLayout, type StreamRun } from './stream-layout.ts';
import { THEME_LABEL_SCALE, labelStepFor, labelStyle, stylesheet, type CanvasTheme } from './stylesheet.ts';
import type { Element } from './toElements.ts';

cytoscape.use(fcose);

export interface DrawInfo {
  /** Milliseconds since navigation start. */
  at: number;
  nodes: number;
  edges: number;
}

export interface LayoutInfo {
  layout: LayoutName;
  /** Where the positions were computed: the force layouts in the worker, unless it failed. */
  where: 'worker' | 'page';
  /** Computing the positions (worker or page), without the animation. */
  ms: number;
  nodes: number;
}

/**
 * A stored picture to show (a story's slide): node positions, zoom and pan (fitted to this canvas).
 * While one is given, no layout runs: nodes move to their stored places (animated), new ones
 * appear at theirs. Without positions the layout runs and then zoom and pan apply.
 */
export interface PresetView {
  /** Changes whenever another picture is to be shown (a slide, a reveal step). */
  key: string;
  positions: Readonly<Record<string, Position>> | null;
  zoom: number | null;
  pan: Position | null;
  size?: Size | null;
  animate: boolean;
  /** Without zoom and pan the network is fitted, keeping clear of these margins (a title overlay). */
  insets?: Insets;
  /** Which picture (slide) this is: without positions, a new one is laid out afresh, its steps from there. */
  picture?: string;
}

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Read-only access to the picture for capturing slides and exporting images. */
export interface CanvasHandle {
  snapshot(): CanvasSnapshot;
  /** The current view as PNG, `scale` times the canvas's size. */
  png(scale: number, background: string): Promise<Blob>;
  /** What is drawn, as plain data in the canvas's pixels (for the SVG export). */
  scene(): Scene;
}

export interface NetworkViewProps {
  elements: Element[];
  layout: LayoutName;
  /** Geographic positions: the geo layout, and the seed for nodes that appear. */
  geo: ReadonlyMap<string, Position>;
  selected: string | null;
  /** A second selected node (shift-click). */
  also?: string | null;
  highlight: PathHighlight;
  pinned: Readonly<Record<string, Position>>;
  webgl: boolean;
  large: boolean;
  /** Bump to fit the whole network into view. */
  fitSignal: number;
  ariaLabel: string;
  /** Presentation themes (default: the explorer's look). */
  theme?: CanvasTheme;
  /** A stored picture to show instead of laying out (see PresetView). */
  preset?: PresetView | null;
  /** Told when a preset's picture stands (positions and viewport reached) for these elements. */
  onPresetApplied?(key: string, elements: readonly Element[]): void;
  /** Filled with the canvas's read-only access (snapshot, PNG, scene). */
  handle?: { current: CanvasHandle | null };
  /** Filled with read-only helpers for browser tests (where a node is drawn on screen). */
  probe?: {
    renderedPosition?: (id: string) => Position | null;
    modelPosition?: (id: string) => Position | null;
    /** The label boxes drawn now (rendered pixels), for overlap checks in browser tests. */
    labelBoxes?: () => { id: string; label: string; x1: number; y1: number; x2: number; y2: number }[];
    /** Ids of the drawn elements marked as added by a live-capture session (class `captured`). */
    captured?: () => string[];
  };
  onSelect(id: string | null): void;
  /** Shift-click on a node: select it besides the selected one. */
  onSelectAlso?(id: string): void;
  onExpand(id: string): void;
  onToggleRegion(id: string): void;
  onPin(id: string, position: Position): void;
  onLayoutRunning(running: boolean): void;
  onDrawn(info: DrawInfo): void;
  onLayoutDone(info: LayoutInfo): void;
  /**
   * These elements are on the canvas and their layout (if any) has been started: until then the
   * page must not call the picture finished (data-layout="done" with the previous layout's state).
   */
  onElementsApplied?(elements: readonly Element[]): void;
}

const ANIMATION_MS = 600;

export function NetworkView(props: NetworkViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const cb = useRef(props);
  cb.current = props;
  /** Last known position of every node ever drawn: nodes that come back return to their place. */
  const remembered = useRef(new Map<string, Position>());
  const structure = useRef('');
  const lastLayout = useRef<LayoutName | null>(null);
  const layoutRun = useRef(0);
  const drawn = useRef(false);
  const tappedSelection = useRef<string | null>(null);
  const lastForceLike = useRef<LayoutName | null>(null);
  const layoutBusy = useRef(false);
  /**
   * The last element update brought mostly new nodes (a drill-down, another region): the next layout
   * places them at once instead of animating from wherever they were added (there is no earlier
   * picture to follow, and 0.6 s of animation made a drill-down wait for it).
   */
  const newPicture = useRef(true);
  const pendingCenter = useRef<string | null>(null);
  /** The preset (and element set) last shown: the same one is not shown again. */
  const appliedPreset = useRef<string | null>(null);
  /** The picture (slide) last laid out afresh. */
  const lastPicture = useRef<string | null>(null);
  /** …and the one whose picture stands (its positions and viewport reached). */
  const shownPreset = useRef<string | null>(null);
  /** Label scale (1/zoom, in steps); null for large networks, whose labels scale with the zoom. */
  const labelScale = useRef<number | null>(props.large ? null : 1);
  /** Label size of the theme (the projector's are larger). */
  const labelFactor = useRef(THEME_LABEL_SCALE[props.theme ?? 'default']);
  const running = useRef<cytoscape.Layouts | null>(null);
  /** The streaming ForceAtlas2 run of a large view, if one is in flight. */
  const streaming = useRef<StreamRun | null>(null);
  const centred = useRef<string | null>(null);
  /** Layouts and view animations in flight: while any runs, the view reports itself busy. */
  const busyCount = useRef(0);
  const track = <T,>(p: Promise<T>): Promise<T> => {
    if (busyCount.current++ === 0) cb.current.onLayoutRunning(true);
    return p.finally(() => {
      if (--busyCount.current === 0) cb.current.onLayoutRunning(false);
    });
  };

  // Create the instance once.
  useEffect(() => {
    if (!container.current) return;
    const cy = cytoscape({
      container: container.current,
      style: stylesheet({ large: props.large, scaledLabels: !props.large, theme: props.theme ?? 'default' }) as unknown as cytoscape.StylesheetJson,
      minZoom: 0.03,
      maxZoom: 5,
      boxSelectionEnabled: false,
      selectionType: 'single',
      hideEdgesOnViewport: props.large,
      textureOnViewport: props.large,
      pixelRatio: props.large ? 1 : 'auto',
      ...(props.webgl ? { webgl: true } : {}),
    });
    cyRef.current = cy;
    cy.on('tap', 'node', (ev) => {
      const n = ev.target as NodeSingular;
      const additive = (ev.originalEvent as MouseEvent | undefined)?.shiftKey === true && cb.current.onSelectAlso;
      if (!additive) tappedSelection.current = n.id();
      if (additive) cb.current.onSelectAlso?.(n.id());
      else cb.current.onSelect(n.id());
      // Cytoscape changed its own selection on the tap; the state decides (after React has rendered it).
      setTimeout(() => !cy.destroyed() && syncSelection(cy, cb.current.selected, cb.current.also ?? null), 0);
    });
    cy.on('tap', (ev) => {
      if (ev.target === cy) cb.current.onSelect(null);
    });
    cy.on('dbltap', 'node', (ev) => {
      const n = ev.target as NodeSingular;
      if (n.hasClass('group') || n.hasClass('collapsed')) cb.current.onToggleRegion(n.id());
      else cb.current.onExpand(n.id());
    });
    cy.on('mouseover', 'node', (ev) => {
      const n = ev.target as NodeSingular;
      if (n.hasClass('group')) return;
      // Keep the neighbours' region groups too: a dimmed parent would dim its children with it.
      const closed = n.closedNeighborhood();
      const near = closed.union(closed.nodes().ancestors());
      cy.batch(() => {
        cy.elements().addClass('dimmed');
        near.removeClass('dimmed').addClass('neighbour');
        n.addClass('hover');
      });
      // The hovered node's (full) label wins over those it would cover.
      if (!layoutBusy.current && labelScale.current !== null) cullLabels(cy, n.id());
    });
    cy.on('mouseout', 'node', () => {
      cy.batch(() => cy.elements().removeClass('dimmed neighbour hover'));
      if (!layoutBusy.current && labelScale.current !== null) cullLabels(cy);
    });
    // Whenever a layout or its animation has really ended (a slow machine may finish an animation after
    // the layout promise gave up waiting), the labels are chosen again for the final positions.
    let cullFrame = 0;
    cy.on('layoutstop', () => {
      cancelAnimationFrame(cullFrame);
      cullFrame = requestAnimationFrame(() => !cy.destroyed() && cullLabels(cy));
    });
    cy.on('dragfree', 'node', (ev) => {
      const n = ev.target as NodeSingular;
      if (n.isParent()) return;
      const p = n.position();
      remembered.current.set(n.id(), { x: p.x, y: p.y });
      cb.current.onPin(n.id(), { x: p.x, y: p.y });
      cullLabels(cy);
    });
    if (props.probe)
      props.probe.renderedPosition = (id: string) => {
        const n = cy.getElementById(id);
        if (n.empty()) return null;
        const box = container.current?.getBoundingClientRect();
        const p = n.renderedPosition();
        return { x: p.x + (box?.left ?? 0), y: p.y + (box?.top ?? 0) };
      };
    // Labels keep their screen size: after zooming, rescale them and re-choose which fit.
    let zoomTimer: ReturnType<typeof setTimeout> | undefined;
    if (!props.large)
      cy.on('zoom', () => {
        clearTimeout(zoomTimer);
        zoomTimer = setTimeout(() => {
          if (cy.destroyed()) return;
          const k = labelStepFor(1 / cy.zoom());
          if (k === labelScale.current) return;
          labelScale.current = k;
          cy.batch(() => cy.nodes().forEach((n) => setLabelStyle(n, k, labelFactor.current)));
          cullLabels(cy);
        }, 120);
      });
    if (props.handle)
      props.handle.current = {
        snapshot: () => {
          const positions: Record<string, Position> = {};
          cy.nodes().forEach((n) => {
            if (!n.isParent() && !n.hasClass('landmark')) positions[n.id()] = { ...n.position() };
          });
          return { positions, zoom: cy.zoom(), pan: { ...cy.pan() }, size: { w: cy.width(), h: cy.height() } };
        },
        png: (scale, background) => cy.png({ output: 'blob-promise', full: false, scale, bg: background }),
        scene: () => sceneOf(cy),
      };
    if (props.probe)
      props.probe.labelBoxes = () =>
        cy
          .nodes()
          .filter((n) => !n.isParent() && !n.hasClass('landmark') && n.visible() && Number(n.numericStyle('text-opacity')) > 0 && String(n.style('label') ?? '') !== '')
          .map((n) => {
            const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true } as cytoscape.BoundingBoxOptions);
            return { id: n.id(), label: String(n.style('label')), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
          });
    if (props.probe) props.probe.captured = () => cy.elements('.captured').map((el) => el.id());
    if (props.probe)
      props.probe.modelPosition = (id: string) => {
        const n = cy.getElementById(id);
        return n.empty() ? null : { ...n.position() };
      };
    // When the canvas changes size (the analysis drawer opens, the window changes): a picture that was
    // wholly in view is fitted again; otherwise the middle of the view stays in the middle.
    let size = { w: cy.width(), h: cy.height() };
    const ro = new ResizeObserver(() => {
      const ext = cy.extent();
      const bb = positionBox(cy);
      const whole = cy.elements().nonempty() && bb.x1 >= ext.x1 - 1 && bb.x2 <= ext.x2 + 1 && bb.y1 >= ext.y1 - 1 && bb.y2 <= ext.y2 + 1;
      cy.resize();
      const next = { w: cy.width(), h: cy.height() };
      if (next.w === size.w && next.h === size.h) return;
      const preset = cb.current.preset;
      if (preset) {
        // A stored picture (a slide): the same part of the network on the new canvas size.
        const vp = viewportFor(preset, next, preset.insets ?? null) ?? fitWithin(cy, preset.insets);
        if (vp) cy.viewport(vp);
      } else if (whole && busyCount.current === 0) quickFit(cy);
      else cy.panBy({ x: (next.w - size.w) / 2, y: (next.h - size.h) / 2 });
      size = next;
    });
    ro.observe(container.current);
    return () => {
      clearTimeout(zoomTimer);
      layoutRun.current++; // runs in flight end quietly
      streaming.current?.stop();
      if (busyCount.current > 0) cb.current.onLayoutRunning(false);
      busyCount.current = 0;
      ro.disconnect();
      if (props.handle) props.handle.current = null;
      cy.destroy();
      cyRef.current = null;
      // A remount (React's strict mode mounts twice in development) starts afresh: draw and lay out again.
      structure.current = '';
      lastLayout.current = null;
      drawn.current = false;
      appliedPreset.current = null;
      shownPreset.current = null;
    };
    // The instance is created once per mount; App remounts the view when webgl/large change.
  }, []);

  // Patch elements by id, then lay out when the element set or the layout changed.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const { elements, pinned, geo, layout, preset } = props;
    const stored = preset?.positions ?? null;
    const wanted = new Map(elements.map((e) => [e.data.id, e]));
    const added: ElementDefinition[] = [];
    // Large views label only their busiest nodes (measuring thousands of labels costs seconds).
    const labelled = props.large ? topLabelled(elements) : null;
    const classesFor = (el: Element) => {
      const c = classesOf(el, pinned);
      return labelled?.has(el.data.id) ? `${c} top-label` : c;
    };
    cy.batch(() => {
      cy.elements().forEach((el) => {
        if (el.isNode() && !el.isParent()) remembered.current.set(el.id(), { ...el.position() });
      });
      // Remove what is gone (edges first), and nodes whose parent changed (re-added below).
      cy.edges().forEach((ed) => {
        if (!wanted.has(ed.id())) cy.remove(ed);
      });
      const nodesToRemove = cy.nodes().filter((n) => {
        const w = wanted.get(n.id());
        return !w || w.group !== 'nodes' || (w.data.parent ?? null) !== (n.data('parent') ?? null);
      });
      // Removing a parent would take its children along: move them out first.
      nodesToRemove.forEach((n) => {
        if (n.removed()) return;
        n.children().forEach((c) => {
          c.move({ parent: null });
        });
      });
      cy.remove(nodesToRemove);
      for (const el of elements) {
        const existing = cy.getElementById(el.data.id);
        if (existing.nonempty()) {
          existing.data(el.data);
          existing.classes(classesFor(el));
          if (existing.isNode() && labelScale.current !== null) setLabelStyle(existing, labelScale.current, labelFactor.current);
          continue;
        }
        if (el.group === 'nodes') {
          const position = stored?.[el.data.id] ?? pinned[el.data.id] ?? remembered.current.get(el.data.id) ?? geo.get(el.data.id) ?? { x: 0, y: 0 };
          added.push({
            group: 'nodes',
            data: { ...el.data },
            classes: classesFor(el),
            position: { ...position },
          });
        } else added.push({ group: 'edges', data: { ...el.data }, classes: el.classes });
      }
      // Parents before children, nodes before edges.
      added.sort((a, b) => rank(a) - rank(b));
      let addedNodes = 0;
      for (const a of added) if (a.group === 'nodes') addedNodes++;
      const total = elements.reduce((n, e) => n + (e.group === 'nodes' ? 1 : 0), 0);
      newPicture.current = total > 0 && addedNodes * 2 > total;
      const k = labelScale.current;
      const fresh = cy.add(added);
      if (k !== null) fresh.nodes().forEach((n) => setLabelStyle(n, k, labelFactor.current));
      cy.nodes().forEach((n) => {
        const p = pinned[n.id()];
        if (p) n.position(p);
      });
    });
    const key = elements
      .map((e) => (e.group === 'nodes' ? `${e.data.id}<${e.data.parent ?? ''}` : e.data.id))
      .sort()
      .join('\n');
    const changed = key !== structure.current || layout !== lastLayout.current;
    const firstDraw = !drawn.current && elements.length > 0;
    if (firstDraw) {
      drawn.current = true;
      if (props.large) quickFit(cy);
      else cy.fit(undefined, 30);
      // The canvas renderer announces its frame; the WebGL renderer does not, so the second animation
      // frame after adding (the first one drew) stands in. Whichever comes first reports.
      let reported = false;
      const report = () => {
        if (reported || cy.destroyed()) return;
        reported = true;
        cb.current.onDrawn({ at: performance.now(), nodes: cy.nodes().length, edges: cy.edges().length });
      };
      cy.one('render', report);
      requestAnimationFrame(() => requestAnimationFrame(report));
    }
    const presetKey = preset ? `${preset.key}\n${key}` : null;
    if (preset && presetKey !== appliedPreset.current) {
      // A stored picture: its positions instead of a layout (or the layout first when it has none).
      appliedPreset.current = presetKey;
      const layoutFirst = !stored && changed && elements.length > 0;
      // A new picture without positions is laid out afresh (not from the previous slide's places);
      // its reveal steps then grow from there.
      const fresh = layoutFirst && preset.picture !== undefined && preset.picture !== lastPicture.current;
      structure.current = key;
      lastLayout.current = layout;
      const mine = presetKey;
      void track(
        (layoutFirst ? runLayout(cy, layout, firstDraw, fresh) : Promise.resolve()).then(() => {
          // Newer elements or another picture meanwhile: that one is shown instead.
          if (appliedPreset.current !== mine) return;
          if (layoutFirst) lastPicture.current = preset.picture ?? null;
          return showPreset(cy, preset);
        }),
      );
    } else if (preset && presetKey === shownPreset.current) {
      // The same picture for new element objects (the same set): it still stands.
      cb.current.onPresetApplied?.(preset.key, elements);
      if (!layoutBusy.current) cullLabels(cy);
    } else if (!preset && changed) {
      appliedPreset.current = null;
      structure.current = key;
      lastLayout.current = layout;
      if (elements.length) void track(runLayout(cy, layout, firstDraw));
    } else if (!layoutBusy.current) cullLabels(cy);
    cb.current.onElementsApplied?.(elements);
  }, [props.elements, props.layout, props.preset?.key]);

  /** Moves the nodes to the preset's positions and the view to its zoom and pan; then reports it. */
  async function showPreset(cy: Core, preset: PresetView) {
    if (cy.destroyed() || cb.current.preset?.key !== preset.key) return;
    // The canvas may just have changed size (entering presentation mode).
    cy.resize();
    const run = ++layoutRun.current;
    running.current?.stop();
    running.current = null;
    streaming.current?.stop();
    streaming.current = null;
    cancelForceLayout();
    const leaves = cy.nodes().filter((n) => !n.isParent());
    const vp = viewportFor(preset, { w: cy.width(), h: cy.height() }, preset.insets ?? null);
    const stored = preset.positions;
    layoutBusy.current = true;
    const viewport = vp ? { fit: false, zoom: vp.zoom, pan: vp.pan } : { fit: true, padding: 30 };
    if (stored) {
      const target = (n: NodeSingular) => stored[n.id()] ?? { ...n.position() };
      const animate = preset.animate && leaves.length <= 3000;
      const l = cy.layout({ name: 'preset', positions: target, animate, animationDuration: ANIMATION_MS, ...viewport } as unknown as cytoscape.LayoutOptions);
      running.current = l;
      const stopped = settle(l);
      l.run();
      await stopped;
    } else if (vp) {
      if (preset.animate) await animateView(cy, { zoom: vp.zoom, pan: vp.pan }, ANIMATION_MS);
      else cy.viewport({ zoom: vp.zoom, pan: vp.pan });
    }
    if (!vp && !cy.destroyed()) {
      // No stored viewport: the network (not the background map) fills the canvas within the margins.
      const fit = fitWithin(cy, preset.insets);
      if (fit && preset.animate) await animateView(cy, fit, ANIMATION_MS);
      else if (fit) cy.viewport(fit);
    }
    if (run !== layoutRun.current || cy.destroyed()) return;
    layoutBusy.current = false;
    cullLabels(cy);
    shownPreset.current = appliedPreset.current;
    cb.current.onPresetApplied?.(preset.key, cb.current.elements);
  }

  // Theme: the stylesheet and the label size follow it.
  const firstTheme = useRef(true);
  useEffect(() => {
    const cy = cyRef.current;
    if (firstTheme.current) {
      firstTheme.current = false;
      return;
    }
    if (!cy) return;
    const theme = props.theme ?? 'default';
    labelFactor.current = THEME_LABEL_SCALE[theme];
    cy.style(stylesheet({ large: props.large, scaledLabels: !props.large, theme }) as unknown as cytoscape.StylesheetJson);
    const k = labelScale.current;
    if (k !== null) cy.batch(() => cy.nodes().forEach((n) => setLabelStyle(n, k, labelFactor.current)));
    cullLabels(cy);
  }, [props.theme]);

  async function runLayout(cy: Core, layout: LayoutName, first: boolean, fresh = false) {
    const run = ++layoutRun.current;
    // A newer layout replaces a running one (its animation would fight this one).
    running.current?.stop();
    running.current = null;
    streaming.current?.stop();
    streaming.current = null;
    cancelForceLayout();
    const { pinned, geo } = cb.current;
    const leaves = cy.nodes().filter((n) => !n.isParent());
    layoutBusy.current = true;
    const started = performance.now();
    const done = async (ms: number, where: LayoutInfo['where'] = 'page') => {
      if (run !== layoutRun.current || cy.destroyed()) return;
      layoutBusy.current = false;
      cullLabels(cy);
      cb.current.onLayoutDone({ layout, ms, nodes: leaves.length, where });
      const centre = pendingCenter.current;
      pendingCenter.current = null;
      if (centre) await centreOn(cy, centre);
    };
    if (layout === 'geo') {
      const positions = (id: string) => pinned[id] ?? geo.get(id) ?? remembered.current.get(id) ?? { x: 0, y: 0 };
      const ms = performance.now() - started;
      const [layoutRunning, stopped] = animateTo(cy, positions, !first && !newPicture.current);
      running.current = layoutRunning;
      await stopped;
      await done(ms);
      return;
    }
    if (layout === 'concentric') {
      const free = cy.elements().filter((el) => !(el.isNode() && pinned[el.id()]));
      const maxDegree = Math.max(1, ...leaves.map((n) => Number(n.data('degree')) || 0));
      const l = free.layout({ ...concentricOptions(maxDegree), animate: !first } as unknown as cytoscape.LayoutOptions);
      running.current = l;
      const stopped = settle(l);
      l.run();
      const ms = performance.now() - started;
      await stopped;
      await done(ms);
      return;
    }
    // Large views without region groups: ForceAtlas2 in its worker, the positions drawn as they come.
    if (leaves.length > DRAFT_NODES && cy.nodes(':parent').empty()) {
      const nodes = leaves.map((n) => {
        const p = pinned[n.id()] ?? (n as NodeSingular).position();
        return { id: n.id(), x: p.x, y: p.y, fixed: pinned[n.id()] !== undefined };
      });
      const edges = cy.edges().map((e) => ({ source: e.data('source') as string, target: e.data('target') as string, weight: Number(e.data('weight')) || 1 }));
      let fitted = 0;
      const stream = streamForceLayout(nodes, edges, {
        onFrame: (positions) => {
          if (run !== layoutRun.current || cy.destroyed()) return;
          cy.batch(() => {
            leaves.forEach((n) => {
              const p = positions.get(n.id());
              if (p) (n as NodeSingular).position(p);
            });
          });
          // Keep the forming picture in view (often at first, then now and then).
          if (fitted++ < 10 || fitted % 10 === 0) quickFit(cy);
        },
      });
      streaming.current = stream;
      const result = await stream.done;
      if (streaming.current === stream) streaming.current = null;
      if (run !== layoutRun.current || cy.destroyed()) return;
      quickFit(cy);
      lastForceLike.current = layout;
      await done(result.ms, 'worker');
      return;
    }
    // force / regions: fcose in the worker, starting from the current picture once there is one.
    const req = {
      nodes: cy.nodes().map((n) => ({
        id: n.id(),
        ...(n.data('parent') ? { parent: String(n.data('parent')) } : {}),
        x: n.position('x'),
        y: n.position('y'),
        size: Number(n.data('size')) || 20,
      })),
      edges: cy.edges().map((e) => ({ id: e.id(), source: e.data('source') as string, target: e.data('target') as string })),
      fixed: leaves.filter((n) => pinned[n.id()] !== undefined).map((n) => ({ id: n.id(), ...(pinned[n.id()] as Position) })),
      randomize: first || fresh || layout !== lastForceLike.current,
      aspectRatio: cy.width() > 0 && cy.height() > 0 ? cy.width() / cy.height() : 1.5,
    };
    lastForceLike.current = layout;
    let res = await runForceLayout(req);
    if (run !== layoutRun.current || cy.destroyed()) return;
    if ('error' in res) {
      // The worker failed (e.g. blocked): lay out on the page instead.
      console.warn(`Layout worker failed (${res.error}); laying out on the page.`);
      const t0 = performance.now();
      cy.layout({ ...fcoseOptions(req), animate: false, packComponents: false } as unknown as cytoscape.LayoutOptions).run();
      res = { id: res.id, positions: {}, ms: performance.now() - t0 };
      cy.fit(undefined, 30);
      await done(res.ms);
      return;
    }
    const positions = res.positions;
    const [layoutRunning, stopped] = animateTo(cy, (id) => pinned[id] ?? positions[id] ?? remembered.current.get(id) ?? { x: 0, y: 0 }, !first && !newPicture.current);
    running.current = layoutRunning;
    await stopped;
    await done(res.ms, 'worker');
  }
  // Selection: select the node(s); centre it when the selection came from outside the canvas.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    syncSelection(cy, props.selected, props.also ?? null);
    // The selected node's (full) label wins.
    if (!layoutBusy.current) cullLabels(cy);
    if (!props.selected) {
      centred.current = null;
      return;
    }
    const n = cy.getElementById(props.selected);
    if (n.empty()) return; // not drawn (yet): try again when the elements change
    if (centred.current === props.selected) return;
    centred.current = props.selected;
    // A stored picture decides the view itself.
    if (cb.current.preset) return;
    if (tappedSelection.current === props.selected) {
      tappedSelection.current = null;
      return;
    }
    // Chosen outside the canvas (search, link, details): centre it, after a running layout if need be.
    if (layoutBusy.current) pendingCenter.current = props.selected;
    else void track(centreOn(cy, props.selected));
  }, [props.selected, props.also, props.elements]);

  // Pinned nodes are marked (and unmarked when released).
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes('.pinned').forEach((n) => {
        if (!props.pinned[n.id()]) n.removeClass('pinned');
      });
      for (const id of Object.keys(props.pinned)) cy.getElementById(id).addClass('pinned');
    });
  }, [props.pinned]);

  // Path highlight; a newly found path is brought into view.
  const shownPath = useRef('');
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements('.path-hl').removeClass('path-hl');
      for (const id of [...props.highlight.nodes, ...props.highlight.edges]) cy.getElementById(id).addClass('path-hl');
    });
    const key = [...props.highlight.nodes].sort().join();
    const onPath = cy.elements('.path-hl');
    if (key !== shownPath.current && onPath.nonempty() && !layoutBusy.current && !cb.current.preset) {
      shownPath.current = key;
      void track(animateView(cy, { fit: { eles: onPath, padding: 80 } }));
    }
  }, [props.highlight, props.elements]);

  useEffect(() => {
    const cy = cyRef.current;
    if (props.fitSignal > 0 && cy) void track(animateView(cy, { fit: { eles: cy.elements(), padding: 30 } }));
  }, [props.fitSignal]);

  // Keyboard: arrows pan, + and - zoom, 0 shows everything (when the canvas has the focus).
  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const cy = cyRef.current;
    if (!cy) return;
    const step = 80;
    const pan: Record<string, Position> = { ArrowLeft: { x: step, y: 0 }, ArrowRight: { x: -step, y: 0 }, ArrowUp: { x: 0, y: step }, ArrowDown: { x: 0, y: -step } };
    const centre = { x: cy.width() / 2, y: cy.height() / 2 };
    if (pan[e.key]) cy.panBy(pan[e.key] as Position);
    else if (e.key === '+' || e.key === '=') cy.zoom({ level: cy.zoom() * 1.25, renderedPosition: centre });
    else if (e.key === '-') cy.zoom({ level: cy.zoom() / 1.25, renderedPosition: centre });
    else if (e.key === '0') cy.animate({ fit: { eles: cy.elements(), padding: 30 } }, { duration: 300 });
    else return;
    e.preventDefault();
  };

  return (
    <div
      ref={container}
      className={`network-canvas theme-${props.theme ?? 'default'}`}
      data-testid="network-canvas"
      role="application"
      aria-roledescription="network"
      aria-label={props.ariaLabel}
      tabIndex={0}
      onKeyDown={onKeyDown}
    />
  );
}

/** Cytoscape's selection = the state's: the selected node and the second one, nothing else. */
function syncSelection(cy: Core, selected: string | null, also: string | null) {
  const want = new Set([selected, also].filter((id): id is string => id !== null));
  cy.batch(() => {
    cy.$(':selected').forEach((el) => {
      if (!want.has(el.id())) el.unselect();
    });
    for (const id of want) {
      const n = cy.getElementById(id);
      if (n.nonempty() && !n.selected()) n.select();
    }
  });
}

/** Most nodes whose labels are checked for collisions; above it, min-zoomed-font-size thins them out. */
const CULL_LIMIT = 2500;

/**
 * Hides labels that would overlap a more important node's label: the hovered node first, then the
 * selected, those on a path, then the busier. Background map names (landmarks) give way to all.
 */
function cullLabels(cy: Core, hovered: string | null = null) {
  const nodes = cy.nodes().filter((n) => !n.isParent());
  cy.nodes('.label-hidden').removeClass('label-hidden');
  if (nodes.length > CULL_LIMIT) return;
  const candidates = nodes.map((n) => ({
    id: n.id(),
    box: n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true } as cytoscape.BoundingBoxOptions),
    priority: n.hasClass('landmark')
      ? -1
      : (n.id() === hovered ? 1e7 : 0) + (n.selected() ? 1e6 : 0) + (n.hasClass('path-hl') ? 1e5 : 0) + (Number(n.data('degree')) || 0) * 10 + (n.data('type') === 'PROJECT' ? 5 : 0),
  }));
  const keep = chooseLabels(candidates);
  cy.batch(() => {
    nodes.forEach((n) => {
      if (!keep.has(n.id())) n.addClass('label-hidden');
    });
  });
}

/**
 * The box around the nodes' bodies from their positions and sizes alone: Cytoscape's own bounding box
 * measures every label first (seconds for 5,000 nodes); labels are left out here.
 */
function positionBox(cy: Core): { x1: number; y1: number; x2: number; y2: number; w: number; h: number } {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  cy.nodes().forEach((n) => {
    if (n.isParent()) return;
    const p = n.position();
    const r = (Number(n.data('size')) || 20) / 2;
    x1 = Math.min(x1, p.x - r);
    y1 = Math.min(y1, p.y - r);
    x2 = Math.max(x2, p.x + r);
    y2 = Math.max(y2, p.y + r);
  });
  if (!Number.isFinite(x1)) return { x1: 0, y1: 0, x2: 0, y2: 0, w: 0, h: 0 };
  return { x1, y1, x2, y2, w: x2 - x1, h: y2 - y1 };
}

/** Fits the nodes into view (padding 30 px plus room for labels) without measuring labels. */
function quickFit(cy: Core, padding = 30) {
  const bb = positionBox(cy);
  if (bb.w === 0 && bb.h === 0 && cy.nodes().empty()) return;
  const w = Math.max(1, cy.width() - 2 * padding);
  const h = Math.max(1, cy.height() - 2 * padding - 16);
  const zoom = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), 2.5, w / Math.max(1, bb.w), h / Math.max(1, bb.h)));
  cy.viewport({ zoom, pan: { x: cy.width() / 2 - zoom * (bb.x1 + bb.w / 2), y: padding + h / 2 - zoom * (bb.y1 + bb.h / 2) } });
}

/** Animates the viewport; resolves when done (at the latest shortly after it should have ended). */
function animateView(cy: Core, to: Record<string, unknown>, duration = 450): Promise<unknown> {
  const animation = cy.animation({ ...to, duration } as cytoscape.AnimationOptions);
  return Promise.race([animation.play().promise('completed'), new Promise((resolve) => setTimeout(resolve, duration + 500))]);
}

function centreOn(cy: Core, id: string): Promise<unknown> {
  const n = cy.getElementById(id);
  if (n.empty()) return Promise.resolve();
  return animateView(cy, { center: { eles: n }, zoom: Math.min(Math.max(cy.zoom(), 0.9), 1.6) });
}

/** Nodes of a large view that keep a label: the busiest. */
const TOP_LABELS = 250;
function topLabelled(elements: readonly Element[]): Set<string> {
  const nodes = elements.filter((e) => e.group === 'nodes' && !e.classes.includes('landmark'));
  nodes.sort((a, b) => ((b.data as { degree?: number }).degree ?? 0) - ((a.data as { degree?: number }).degree ?? 0));
  return new Set(nodes.slice(0, TOP_LABELS).map((e) => e.data.id));
}

function classesOf(el: Element, pinned: Readonly<Record<string, Position>>): string {
  return el.group === 'nodes' && pinned[el.data.id] ? `${el.classes} pinned` : el.classes;
}

function setLabelStyle(n: NodeSingular, k: number, factor = 1) {
  if (!n.hasClass('landmark')) n.style(labelStyle(Number(n.data('size')) || 18, n.hasClass('group'), k * factor));
}

function rank(el: ElementDefinition): number {
  if (el.group === 'edges') return 1000;
  return el.classes?.includes('group') ? depthHint(el) : 100;
}

/** Compound parents in the order toElements emitted them (outermost first); leaf nodes after. */
function depthHint(el: ElementDefinition): number {
  return el.data.parent ? 50 : 0;
}

/** Resolves when the layout stops (or is stopped), at the latest a moment after its animation should have ended. */
function settle(layout: cytoscape.Layouts): Promise<unknown> {
  return Promise.race([layout.promiseOn('layoutstop'), new Promise((resolve) => setTimeout(resolve, ANIMATION_MS + 1500))]);
}

/** Starts moving every leaf node to its target position with an animation, fitting the view. */
/** Moves the nodes to their places: animated when asked (a known picture rearranged) and not too many. */
function animateTo(cy: Core, position: (id: string) => Position, animated: boolean): [cytoscape.Layouts, Promise<unknown>] {
  const leaves = cy.nodes().filter((n) => !n.isParent());
  const animate = animated && leaves.length <= 3000;
  // Large views: fitted without measuring every label (see quickFit).
  const layout = cy.layout({
    name: 'preset',
    positions: (n: NodeSingular) => position(n.id()),
    animate,
    animationDuration: ANIMATION_MS,
    fit: animate,
    padding: 30,
  } as unknown as cytoscape.LayoutOptions);
  const stopped = settle(layout);
  layout.run();
  // Unanimated: fitted at once (many nodes without measuring their labels, see quickFit).
  if (!animate) {
    if (leaves.length > 500) quickFit(cy);
    else cy.fit(undefined, 30);
  }
  return [layout, stopped];
}

const px = (v: unknown): number => {
  const x = typeof v === 'number' ? v : parseFloat(String(v));
  return Number.isFinite(x) ? x : 0;
};

/** What the canvas draws now, in its own pixels: region groups, ties and nodes with their look. */
function sceneOf(cy: Core): Scene {
  const zoom = cy.zoom();
  const nodes: SceneNode[] = [];
  const edges: SceneEdge[] = [];
  cy.nodes().forEach((n) => {
    if (!n.visible() || n.hasClass('landmark')) return;
    const compound = n.isParent();
    const p = n.renderedPosition();
    const fontSize = px(n.numericStyle('font-size')) * zoom;
    const minFont = px(n.numericStyle('min-zoomed-font-size'));
    const labelShown = String(n.style('label') ?? '') !== '' && fontSize >= minFont;
    const valign = String(n.style('text-valign'));
    nodes.push({
      id: n.id(),
      x: p.x,
      y: p.y,
      w: n.renderedWidth(),
      h: n.renderedHeight(),
      shape: String(n.style('shape')),
      fill: String(n.style('background-color')),
      fillOpacity: px(n.numericStyle('background-opacity')),
      stroke: String(n.style('border-color')),
      strokeWidth: px(n.numericStyle('border-width')) * zoom,
      strokeStyle: (['dashed', 'dotted', 'double'].includes(String(n.style('border-style'))) ? n.style('border-style') : 'solid') as SceneNode['strokeStyle'],
      opacity: n.effectiveOpacity(),
      compound,
      label: labelShown ? String(n.style('label')) : '',
      fontSize,
      fontWeight: String(n.style('font-weight')),
      color: String(n.style('color')),
      outline: String(n.style('text-outline-color')),
      outlineWidth: px(n.numericStyle('text-outline-width')) * zoom,
      textOpacity: px(n.numericStyle('text-opacity')) * n.effectiveOpacity(),
      valign: valign === 'top' || valign === 'center' ? valign : 'bottom',
      marginY: px(n.numericStyle('text-margin-y')) * zoom,
      maxWidth: String(n.style('text-wrap')) === 'wrap' ? px(n.numericStyle('text-max-width')) * zoom : 0,
    });
  });
  cy.edges().forEach((e) => {
    if (!e.visible()) return;
    const style = String(e.style('line-style'));
    const width = px(e.numericStyle('width')) * zoom;
    const dashPattern = e.numericStyle('line-dash-pattern') as unknown;
    // Curved ties have control points (model coordinates; straight ones none).
    const pan = cy.pan();
    let control: Position[] = [];
    try {
      control = String(e.style('curve-style')) === 'bezier' ? (e.controlPoints() ?? []).map((c) => ({ x: c.x * zoom + pan.x, y: c.y * zoom + pan.y })) : [];
    } catch {
      control = [];
    }
    edges.push({
      id: e.id(),
      source: { ...e.renderedSourceEndpoint() },
      target: { ...e.renderedTargetEndpoint() },
      control: control.map((c) => ({ x: c.x, y: c.y })),
      color: String(e.style('line-color')),
      width,
      dash: style === 'dashed' ? (Array.isArray(dashPattern) ? dashPattern.map((d) => px(d) * zoom) : [width * 4, width * 3]) : style === 'dotted' ? [width, width * 2] : null,
      opacity: e.effectiveOpacity(),
      arrow: String(e.style('target-arrow-shape')) !== 'none',
    });
  });
  return { width: cy.width(), height: cy.height(), nodes, edges };
}

/** Zoom and pan that fit the drawn network (labels included, background map left out) within the canvas less the margins. */
function fitWithin(cy: Core, insets: Insets = { top: 30, right: 30, bottom: 30, left: 30 }): { zoom: number; pan: Position } | null {
  const eles = cy.nodes().not('.landmark');
  if (eles.empty()) return null;
  const bb = eles.boundingBox({ includeLabels: true } as cytoscape.BoundingBoxOptions);
  const w = Math.max(1, cy.width() - insets.left - insets.right);
  const h = Math.max(1, cy.height() - insets.top - insets.bottom);
  const zoom = Math.max(cy.minZoom(), Math.min(2.5, cy.maxZoom(), w / Math.max(1, bb.w), h / Math.max(1, bb.h)));
  return { zoom, pan: { x: insets.left + w / 2 - zoom * (bb.x1 + bb.w / 2), y: insets.top + h / 2 - zoom * (bb.y1 + bb.h / 2) } };
}
