import { useMemo } from 'react';
import { api } from '../api/client.js';
import type { ResultRecord } from '../api/types.js';
import { ChartFrame, Segmented } from '../charts/ChartFrame.js';
import { EmbeddingScatter } from '../charts/EmbeddingScatter.js';
import { embeddingPoints, type Highlight, linkPoints } from '../derive/embeddingPoints.js';
import { procrustes } from '../derive/procrustes.js';
import { useAppStore } from '../stores/store.js';
import { useColours } from './colours.js';
import { ImageCard } from './ImageCard.js';
import { ModelName } from './ModelName.js';

const HIGHLIGHTS: { value: Highlight; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'forget', label: 'Target to Forget' },
  { value: 'forgotten', label: 'Correctly Forgotten' },
  { value: 'notForgotten', label: 'Not Forgotten' },
  { value: 'overly', label: 'Overly Forgotten' },
];

const extent = (v: ArrayLike<number>): [number, number] => {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < v.length; i++) { if (v[i] < lo) lo = v[i]; if (v[i] > hi) hi = v[i]; }
  const pad = (hi - lo) * 0.01 || 1;
  return [lo - pad, hi + pad];
};

/** Embedding Space (ui.md §3.4, §6 item 5): the twin scatter plots of A and B, the alignment, and the image card. */
export function EmbeddingPanel({ a, b, classNames }: { a: ResultRecord; b: ResultRecord; classNames: string[] }) {
  const highlight = useAppStore((s) => s.highlight);
  const aligned = useAppStore((s) => s.aligned);
  const setUi = useAppStore((s) => s.setUi);
  const opened = useAppStore((s) => s.openedSample);
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
        onClose={() => useAppStore.getState().openSample(null)}
      />
    );
  })();

  return (
    <>
      <ChartFrame
        title="Embedding Space"
        name="embedding"
        controls={
          <>
            <Segmented label="Highlight" value={highlight} options={HIGHLIGHTS} onChange={(v) => setUi({ highlight: v })} />
            <label><input type="checkbox" checked={aligned} onChange={(e) => setUi({ aligned: e.target.checked })} /> Align B to A</label>
          </>
        }
      >
        {(w) => (
          <div>
            {emb.link.shared < Math.min(emb.pa.n, emb.pb.n) && <p className="empty-inline">A and B use different samples ({emb.link.shared} shared)</p>}
            <div className="twin">
              <div><ModelName which="A" role={a.role} id={a.id} /><EmbeddingScatter which="A" points={emb.pa} x={emb.pa.x} y={emb.pa.y} domain={emb.domA} link={emb.link.aToB} highlight={highlight} forgetClass={fc} colours={c.classes} width={w / 2 - 4} height={Math.min(520, w / 2)} /></div>
              <div><ModelName which="B" role={b.role} id={b.id} /><EmbeddingScatter which="B" points={emb.pb} x={emb.bx} y={emb.by} domain={emb.domB} link={emb.link.bToA} highlight={highlight} forgetClass={fc} colours={c.classes} width={w / 2 - 4} height={Math.min(520, w / 2)} /></div>
            </div>
          </div>
        )}
      </ChartFrame>
      {card}
    </>
  );
}
