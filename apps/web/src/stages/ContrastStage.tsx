import { useMemo } from 'react';
import { api } from '../api/client.js';
import { ChartFrame, Segmented } from '../charts/ChartFrame.js';
import { ClassAccuracyChart } from '../charts/ClassAccuracyChart.js';
import { CkaChart } from '../charts/CkaChart.js';
import { EmbeddingScatter } from '../charts/EmbeddingScatter.js';
import { PredictionMatrix } from '../charts/PredictionMatrix.js';
import { ProbabilityBars } from '../charts/ProbabilityBars.js';
import { useColours } from '../components/colours.js';
import { EmptyState } from '../components/EmptyState.js';
import { ModelName } from '../components/ModelName.js';
import { ckaSeries } from '../derive/ckaSeries.js';
import { classGaps } from '../derive/classGaps.js';
import { embeddingPoints, type Highlight, linkPoints } from '../derive/embeddingPoints.js';
import { procrustes } from '../derive/procrustes.js';
import { useAppStore } from '../stores/store.js';
import { useAB } from './useAB.js';

const HIGHLIGHTS: { value: Highlight; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'forget', label: 'Target to Forget' },
  { value: 'forgotten', label: 'Correctly Forgotten' },
  { value: 'notForgotten', label: 'Not Forgotten' },
  { value: 'overly', label: 'Overly Forgotten' },
];
const SPLITS = [{ value: 'train' as const, label: 'Train' }, { value: 'test' as const, label: 'Test' }];

const extent = (v: ArrayLike<number>): [number, number] => {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < v.length; i++) { if (v[i] < lo) lo = v[i]; if (v[i] > hi) hi = v[i]; }
  const pad = (hi - lo) * 0.01 || 1;
  return [lo - pad, hi + pad];
};

/** Contrast: class-wise accuracy, prediction matrices, CKA and the twin embedding plots of A and B. */
export function ContrastStage() {
  const { a, b, aId, bId, error, loading } = useAB();
  const ui = useAppStore();
  const c = useColours();
  const classNames = ui.datasets.find((d) => d.id === ui.dataset)?.classNames ?? [];
  const fc = ui.forgetClass ?? 0;
  const gaps = useMemo(() => (a && b ? classGaps(a, b, fc) : null), [a, b, fc]);
  const cka = useMemo(() => (a && b ? ckaSeries(a, b, ui.ckaAgainst, ui.splitCka) : null), [a, b, ui.ckaAgainst, ui.splitCka]);
  const emb = useMemo(() => {
    if (!a || !b) return null;
    const pa = embeddingPoints(a);
    const pb = embeddingPoints(b);
    const link = linkPoints(pa, pb);
    let bx: ArrayLike<number> = pb.x, by: ArrayLike<number> = pb.y;
    if (ui.aligned) {
      const pairs: [number, number][] = [];
      link.bToA.forEach((ai, bi) => ai >= 0 && pairs.push([bi, ai]));
      const f = procrustes(pb.x, pb.y, pa.x, pa.y, pairs);
      const t = pb.x.map((x, i) => f(x, pb.y[i]));
      bx = t.map((p) => p[0]);
      by = t.map((p) => p[1]);
    }
    const domA = { x: extent(pa.x), y: extent(pa.y) };
    const domB = ui.aligned ? domA : { x: extent(bx), y: extent(by) };
    return { pa, pb, link, bx, by, domA, domB };
  }, [a, b, ui.aligned]);

  if (!aId || !bId) return <EmptyState message="Select both model A and model B." action={{ label: 'Go to Screen', onClick: () => ui.setStage('screen') }} />;
  if (error) return <div className="inline-error" role="alert">{error} <button onClick={() => { void ui.loadFull(aId); void ui.loadFull(bId); }}>Retry</button></div>;
  if (!a || !b || !gaps || !cka || !emb) return <div className="skeleton" style={{ height: 300 }} aria-busy={loading}>Loading…</div>;
  const roleA = a.role, roleB = b.role;
  const opened = ui.openedSample;
  return (
    <div className="contrast-grid" data-a={a.id} data-b={b.id}>
      <ChartFrame title="Class-wise Accuracy" name="class-accuracy">
        {(w) => (
          <div>
            <div className="twin">
              <ClassAccuracyChart title="Training Dataset" gaps={gaps.train} m={gaps.m} meanRetain={gaps.meanRetain.train} classNames={classNames} forgetClass={fc} colours={c.classes} width={w / 2} showLabels />
              <ClassAccuracyChart title="Test Dataset" gaps={gaps.test} m={gaps.m} meanRetain={gaps.meanRetain.test} classNames={classNames} forgetClass={fc} colours={c.classes} width={w / 2} showLabels={false} />
            </div>
            <p className="caption">← <ModelName which="A" role={roleA} id={a.id} /> High | <ModelName which="B" role={roleB} id={b.id} /> High →</p>
          </div>
        )}
      </ChartFrame>
      <ChartFrame
        title="Prediction Matrix"
        name="prediction-matrix"
        controls={
          <>
            <Segmented label="Prediction matrix split" value={ui.splitMatrix} options={SPLITS} onChange={(v) => ui.setUi({ splitMatrix: v })} />
            <Segmented label="Matrix mode" value={ui.matrixMode} options={[{ value: 'split', label: 'Split' }, { value: 'bubble', label: 'Bubbles' }]} onChange={(v) => ui.setUi({ matrixMode: v })} />
          </>
        }
      >
        {(w) => (
          <div className="twin">
            {([['A', a], ['B', b]] as const).map(([k, r]) => (
              <PredictionMatrix key={k} labelDist={r.predictions[ui.splitMatrix].labelDist} confDist={r.predictions[ui.splitMatrix].confDist} classNames={classNames} forgetClass={fc} mode={ui.matrixMode} width={w / 2} showRowLabels={k === 'A'} caption={`Model ${k} (${r.role}, ${r.id})`} captionColour={k === 'A' ? c.AStroke : c.BStroke} />
            ))}
          </div>
        )}
      </ChartFrame>
      <ChartFrame
        title="Layer-wise Similarity"
        name="cka"
        controls={
          <>
            <Segmented label="CKA split" value={ui.splitCka} options={SPLITS} onChange={(v) => ui.setUi({ splitCka: v })} />
            Compare Against:
            <Segmented label="Compare against" value={ui.ckaAgainst} options={[{ value: 'original', label: 'Original' }, { value: 'retrained', label: 'Retrained' }]} onChange={(v) => ui.setUi({ ckaAgainst: v })} />
          </>
        }
      >
        {(w) => (
          <div>
            {cka.missing.length > 0 && <p className="empty-inline">No CKA vs {ui.ckaAgainst === 'original' ? 'Original' : 'Retrained'} for Model {cka.missing.join(' and ')}.</p>}
            <CkaChart layers={cka.layers} series={cka.series} colourA={c.A} colourB={c.B} architecture={a.config.architecture.id} width={w} />
            <p className="tick">CKA on {a.config.evaluation.cka.samples.train.forget} forget / {a.config.evaluation.cka.samples.train.other} other images per split, batch {a.config.evaluation.cka.batchSize}</p>
          </div>
        )}
      </ChartFrame>
      <ChartFrame
        title="Embedding Space"
        name="embedding"
        controls={
          <>
            <Segmented label="Highlight" value={ui.highlight} options={HIGHLIGHTS} onChange={(v) => ui.setUi({ highlight: v })} />
            <label><input type="checkbox" checked={ui.aligned} onChange={(e) => ui.setUi({ aligned: e.target.checked })} /> Align B to A</label>
          </>
        }
      >
        {(w) => (
          <div>
            {emb.link.shared < Math.min(emb.pa.n, emb.pb.n) && <p className="empty-inline">A and B use different samples ({emb.link.shared} shared)</p>}
            <div className="twin">
              <div><ModelName which="A" role={roleA} id={a.id} /><EmbeddingScatter which="A" points={emb.pa} x={emb.pa.x} y={emb.pa.y} domain={emb.domA} link={emb.link.aToB} highlight={ui.highlight} forgetClass={fc} colours={c.classes} width={w / 2 - 4} height={Math.min(520, w / 2)} /></div>
              <div><ModelName which="B" role={roleB} id={b.id} /><EmbeddingScatter which="B" points={emb.pb} x={emb.bx} y={emb.by} domain={emb.domB} link={emb.link.bToA} highlight={ui.highlight} forgetClass={fc} colours={c.classes} width={w / 2 - 4} height={Math.min(520, w / 2)} /></div>
            </div>
          </div>
        )}
      </ChartFrame>
      {opened && (() => {
        const iA = opened.index >= 0 ? opened.index : -1;
        const iB = opened.source === 'B' ? -1 - opened.index : iA >= 0 ? emb.link.aToB[iA] : -1;
        const iAny = iA >= 0 ? iA : iB;
        const rec = iA >= 0 ? a : b;
        const p = iA >= 0 ? emb.pa : emb.pb;
        const imageIndex = p.indices ? p.indices[iAny] : null;
        const probs = (r: typeof a, i: number) => (i >= 0 ? r.embedding.probs[i].map((v) => v / 1000) : null);
        return (
          <div className="card" role="dialog" aria-label="Instance details" style={{ left: Math.min(opened.x + 60, window.innerWidth - 480), top: Math.min(opened.y + 10, window.innerHeight - 300) }} onKeyDown={(e) => e.key === 'Escape' && ui.openSample(null)}>
            <div>
              {imageIndex !== null ? <img alt={`training image ${imageIndex}`} src={api.imageUrl(rec.config.dataset.id, 'train', imageIndex)} /> : <div className="empty-inline" style={{ width: 180 }}>Image index not in this record</div>}
              <p>True Class: <b>{classNames[p.trueClass[iAny]] ?? '?'}</b></p>
              <p>Model A: <b style={{ color: c.AStroke }}>{iA >= 0 ? classNames[a.embedding.pred[iA]] : '–'}</b> · Model B: <b style={{ color: c.BStroke }}>{iB >= 0 ? classNames[b.embedding.pred[iB]] : '–'}</b></p>
            </div>
            <ProbabilityBars a={probs(a, iA) ?? []} b={probs(b, iB)} classNames={classNames} forgetClass={fc} colours={c.classes} labels={['Model A', 'Model B']} />
            <button autoFocus aria-label="Close" onClick={() => ui.openSample(null)}>×</button>
          </div>
        );
      })()}
    </div>
  );
}
