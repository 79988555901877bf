import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { zoomIdentity, type ZoomTransform } from 'd3-zoom';
import { api } from '../api/client.js';
import type { ResultRecord } from '../api/types.js';
import { ChartFrame, Segmented } from '../charts/ChartFrame.js';
import { EmbeddingLegend, HIGHLIGHTS } from '../charts/EmbeddingLegend.js';
import { EmbeddingScatter, type Polygon, type ScatterHandle } from '../charts/EmbeddingScatter.js';
import { easeInOutCubic, largestMovers, morphPositions } from '../derive/embeddingMorph.js';
import { embeddingPoints, type EmbeddingPoints, linkPoints } from '../derive/embeddingPoints.js';
import { plotExtent as extent } from '../derive/plotExtent.js';
import { procrustes } from '../derive/procrustes.js';
import { emptySetNote, setScope } from '../derive/setScope.js';
import { useAppStore } from '../stores/store.js';
import { useColours } from './colours.js';
import { HoverLink } from './HoverLink.js';
import { ImageCard } from './ImageCard.js';
import { modelCaptions } from './modelCaptions.js';
import { ModelName } from './ModelName.js';
import './embeddingPanel.css';

const MOVERS = 20;
const MORPH_MS = 1000;

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Per point, 1 when its key is in the set (null when no set is active, or it matches no point: nothing fades). */
const membership = (p: EmbeddingPoints, keys: ReadonlySet<number> | undefined) => (setScope(keys, p.keys)?.matched ? Uint8Array.from(p.keys, (k) => (keys!.has(k) ? 1 : 0)) : null);

/**
 * Embedding Space (ui.md §3.4, §6 item 5): the twin scatter plots of A and B with zoom (linked when
 * aligned), the alignment and its A → B morph, the lasso, instance-set emphasis and the image card.
 */
export function EmbeddingPanel({ a, b, classNames }: { a: ResultRecord; b: ResultRecord; classNames: string[] }) {
  const highlight = useAppStore((s) => s.highlight);
  const aligned = useAppStore((s) => s.aligned);
  const setUi = useAppStore((s) => s.setUi);
  const opened = useAppStore((s) => s.openedSample);
  const instanceSet = useAppStore((s) => s.instanceSet);
  const lassoKeys = useAppStore((s) => s.lassoKeys);
  const c = useColours();
  const fc = a.config.forgetClass;
  const emb = useMemo(() => {
    const pa = embeddingPoints(a);
    const pb = embeddingPoints(b);
    const link = linkPoints(pa, pb);
    let bx: ArrayLike<number> = pb.x, by: ArrayLike<number> = pb.y;
    if (aligned) {
      const pairs: [number, number][] = [];
      link.bToA.forEach((ai, bi) => ai >= 0 && pairs.push([bi, ai]));
      const f = procrustes(pb.x, pb.y, pa.x, pa.y, pairs);
      const t = pb.x.map((x, i) => f(x, pb.y[i]));
      bx = t.map((p) => p[0]);
      by = t.map((p) => p[1]);
    }
    const domA = { x: extent(pa.x), y: extent(pa.y) };
    const domB = aligned ? domA : { x: extent(bx), y: extent(by) };
    return { pa, pb, link, bx, by, domA, domB };
  }, [a, b, aligned]);

  // The morph (only while aligned): 0 = B's shared points at A's positions, 1 = B aligned.
  const [morph, setMorph] = useState(1);
  const [moversOnly, setMoversOnly] = useState(false);
  const frame = useRef(0);
  const stopMorph = () => cancelAnimationFrame(frame.current);
  useEffect(() => {
    stopMorph();
    setMorph(1);
  }, [aligned]);
  useEffect(() => stopMorph, []);
  const animateMorph = () => {
    stopMorph();
    if (reducedMotion()) return setMorph(1);
    const t0 = performance.now();
    const step = (now: number) => {
      const f = Math.min(1, (now - t0) / MORPH_MS);
      setMorph(easeInOutCubic(f));
      if (f < 1) frame.current = requestAnimationFrame(step);
    };
    setMorph(0);
    frame.current = requestAnimationFrame(step);
  };
  const shownB = useMemo(() => (aligned ? morphPositions(emb.pa.x, emb.pa.y, emb.bx, emb.by, emb.link.bToA, morph) : { x: emb.bx, y: emb.by }), [emb, aligned, morph]);
  const movers = useMemo(() => {
    if (!aligned || !moversOnly) return null;
    const inB = new Uint8Array(emb.pb.n), inA = new Uint8Array(emb.pa.n);
    for (const j of largestMovers(emb.pa.x, emb.pa.y, emb.bx, emb.by, emb.link.bToA, MOVERS)) {
      inB[j] = 1;
      inA[emb.link.bToA[j]] = 1;
    }
    return { A: inA, B: inB };
  }, [emb, aligned, moversOnly]);
  const inSet = useMemo(() => ({ A: membership(emb.pa, instanceSet?.keys), B: membership(emb.pb, instanceSet?.keys) }), [emb, instanceSet]);

  // Zoom: per plot, one shared transform while aligned (both plots then have the same scales).
  const handleA = useRef<ScatterHandle>(null), handleB = useRef<ScatterHandle>(null);
  const handles = useMemo(() => ({ A: handleA, B: handleB }), []);
  const twin = useRef<HTMLDivElement>(null);
  const alignedNow = useRef(aligned);
  alignedNow.current = aligned;
  const onUserZoom = useCallback((which: 'A' | 'B', t: ZoomTransform) => {
    if (alignedNow.current) handles[which === 'A' ? 'B' : 'A'].current?.setTransform(t, false);
  }, [handles]);
  const onResetZoom = useCallback((which: 'A' | 'B') => {
    for (const w of alignedNow.current ? (['A', 'B'] as const) : [which]) handles[w].current?.setTransform(zoomIdentity, true);
  }, [handles]);
  useEffect(() => {
    const hA = handles.A.current, hB = handles.B.current;
    if (hA && hB) hB.setTransform(aligned ? hA.transform() : zoomIdentity, false);
  }, [aligned, handles]);

  // Lasso: drawn in either plot; its keys go to the instance-set builder through the store.
  const [lassoOn, setLassoOn] = useState(false);
  const [outline, setOutline] = useState<{ which: 'A' | 'B'; polygon: Polygon } | null>(null);
  const onLasso = useCallback((which: 'A' | 'B', polygon: Polygon, inside: number[]) => {
    const p = which === 'A' ? emb.pa : emb.pb;
    setOutline({ which, polygon });
    useAppStore.getState().setLassoKeys(inside.map((i) => p.keys[i]));
  }, [emb]);
  const lassoShown = lassoKeys !== null ? outline : null;

  const card = (() => {
    if (!opened) return null;
    const iA = opened.index >= 0 ? opened.index : -1;
    // A B-only point (not in A's sample) is stored as −1 − its position in B.
    const iB = iA >= 0 ? emb.link.aToB[iA] : -1 - opened.index;
    const p = iA >= 0 ? emb.pa : emb.pb;
    const i = iA >= 0 ? iA : iB;
    const rec = iA >= 0 ? a : b;
    const imageIndex = p.indices ? p.indices[i] : null;
    const probs = (r: ResultRecord, k: number) => (k >= 0 ? r.embedding.probs[k].map((v) => v / 1000) : null);
    const close = () => {
      // Give focus back to the plot the card came from (the card held it), for keyboard users.
      const hadFocus = document.activeElement?.closest('[role=dialog]') != null;
      useAppStore.getState().openSample(null);
      if (hadFocus) handles[opened.source].current?.focus();
    };
    return (
      <ImageCard
        at={opened}
        imageSrc={imageIndex !== null ? api.imageUrl(rec.config.dataset.id, 'train', imageIndex) : null}
        imageAlt={`training image ${imageIndex}`}
        trueClass={p.trueClass[i]}
        models={[
          { label: 'Model A', colour: c.AStroke, pred: iA >= 0 ? a.embedding.pred[iA] : null, probs: probs(a, iA) },
          { label: 'Model B', colour: c.BStroke, pred: iB >= 0 ? b.embedding.pred[iB] : null, probs: probs(b, iB) },
        ]}
        classNames={classNames}
        forgetClass={fc}
        onClose={close}
      />
    );
  })();

  const common = { highlight, forgetClass: fc, colours: c.classes, classNames, lassoOn, onLasso, onUserZoom, onResetZoom };
  return (
    <>
      <ChartFrame
        title="Embedding Space"
        name="embedding"
        captions={modelCaptions([{ which: 'A', role: a.role, id: a.id }, { which: 'B', role: b.role, id: b.id }], c)}
        controls={
          <>
            <Segmented label="Highlight" value={highlight} options={HIGHLIGHTS} onChange={(v) => setUi({ highlight: v })} />
            <label><input type="checkbox" checked={aligned} onChange={(e) => setUi({ aligned: e.target.checked })} /> Align B to A</label>
            <button type="button" aria-pressed={lassoOn} className={`lasso-toggle${lassoOn ? ' active' : ''}`} onClick={() => setLassoOn(!lassoOn)}>Lasso</button>
            {lassoKeys !== null && (
              <>
                <span className="lasso-count" aria-live="polite">{lassoKeys.length} selected</span>
                <button type="button" onClick={() => { useAppStore.getState().setLassoKeys(null); setOutline(null); }}>Clear lasso</button>
              </>
            )}
          </>
        }
      >
        {(w) => (
          <div>
            {emb.link.shared < Math.min(emb.pa.n, emb.pb.n) && <p className="empty-inline">A and B use different samples ({emb.link.shared} shared)</p>}
            {instanceSet && (inSet.A || inSet.B
              ? <p className="embedding-set">Emphasised: {instanceSet.label} ({instanceSet.keys.size})</p>
              : <p className="empty-inline" data-testid="set-empty-embedding">{emptySetNote(instanceSet.label, { matched: 0, shown: emb.pa.n + emb.pb.n }, 'points of A and B')}</p>)}
            {aligned && (
              <div className="morph-tools">
                <button type="button" onClick={animateMorph}>Animate A → B</button>
                <label>
                  A
                  <input type="range" min={0} max={1} step={0.01} value={morph} aria-label="Morph from A's positions (0) to B's aligned positions (1)" onChange={(e) => { stopMorph(); setMorph(Number(e.target.value)); }} />
                  B
                </label>
                <label><input type="checkbox" checked={moversOnly} onChange={(e) => setMoversOnly(e.target.checked)} /> Emphasise {MOVERS} largest movers</label>
              </div>
            )}
            <EmbeddingLegend colours={c.classes} classNames={classNames} forgetClass={fc} highlight={highlight} width={w} />
            <div className="twin embedding-twin" ref={twin}>
              <HoverLink container={twin} plots={handles} aToB={emb.link.aToB} bToA={emb.link.bToA} />
              <div>
                <ModelName which="A" role={a.role} id={a.id} />
                <EmbeddingScatter which="A" {...common} handle={handles.A} points={emb.pa} x={emb.pa.x} y={emb.pa.y} domain={emb.domA} link={emb.link.aToB} inSet={inSet.A} movers={movers?.A ?? null} lasso={lassoShown?.which === 'A' ? lassoShown.polygon : null} width={w / 2 - 4} height={Math.min(520, w / 2)} />
              </div>
              <div>
                <ModelName which="B" role={b.role} id={b.id} />
                <EmbeddingScatter which="B" {...common} handle={handles.B} points={emb.pb} x={shownB.x} y={shownB.y} domain={emb.domB} link={emb.link.bToA} inSet={inSet.B} movers={movers?.B ?? null} lasso={lassoShown?.which === 'B' ? lassoShown.polygon : null} width={w / 2 - 4} height={Math.min(520, w / 2)} />
              </div>
            </div>
          </div>
        )}
      </ChartFrame>
      {card}
    </>
  );
}
