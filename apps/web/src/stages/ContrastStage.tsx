import { useMemo } from 'react';
import { ChartFrame, Segmented } from '../charts/ChartFrame.js';
import { ClassAccuracyChart } from '../charts/ClassAccuracyChart.js';
import { CkaChart } from '../charts/CkaChart.js';
import { MatrixLegend } from '../charts/MatrixLegend.js';
import { PredictionMatrix } from '../charts/PredictionMatrix.js';
import { useColours } from '../components/colours.js';
import { EmbeddingPanel } from '../components/EmbeddingPanel.js';
import { InstanceSetBuilder } from '../components/InstanceSetBuilder.js';
import { MissingComparison } from '../components/MissingComparison.js';
import { modelCaptions } from '../components/modelCaptions.js';
import { ModelName } from '../components/ModelName.js';
import { ckaSeries } from '../derive/ckaSeries.js';
import { classGaps, groupClassGaps } from '../derive/classGaps.js';
import { useAppStore } from '../stores/store.js';
import { useClassNames } from '../stores/useClassNames.js';
import { useAB } from './useAB.js';
import { useGroupRecords } from './useGroupRecords.js';

const SPLITS = [{ value: 'train' as const, label: 'Train' }, { value: 'test' as const, label: 'Test' }];

/** Contrast: class-wise accuracy, prediction matrices, CKA and the twin embedding plots of A and B. */
export function ContrastStage() {
  const { a, b, aId, bId, error, loading } = useAB();
  const ui = useAppStore();
  const c = useColours();
  const classNames = useClassNames();
  const fc = ui.forgetClass ?? 0;
  const groups = useGroupRecords();
  const gaps = useMemo(() => (a && b ? (groups ? groupClassGaps(groups.as, groups.bs, fc) : classGaps(a, b, fc)) : null), [a, b, fc, groups]);
  const cka = useMemo(() => (a && b ? ckaSeries(a, b, ui.ckaAgainst, ui.splitCka) : null), [a, b, ui.ckaAgainst, ui.splitCka]);

  if (!aId || !bId) return <MissingComparison />;
  if (error) return <div className="inline-error" role="alert">{error} <button onClick={() => { void ui.loadFull(aId); void ui.loadFull(bId); }}>Retry</button></div>;
  if (!a || !b || !gaps || !cka) return <div className="skeleton" style={{ height: 300 }} aria-busy={loading}>Loading…</div>;
  const roleA = a.role, roleB = b.role;
  const captions = modelCaptions([{ which: 'A', role: roleA, id: a.id }, { which: 'B', role: roleB, id: b.id }], c);
  return (
    <div className="contrast-grid" data-a={a.id} data-b={b.id}>
      <ChartFrame title="Class-wise Accuracy" name="class-accuracy" captions={captions}>
        {(w) => (
          <div>
            <div className="twin">
              <ClassAccuracyChart title="Training Dataset" gaps={gaps.train} m={gaps.m} meanRetain={gaps.meanRetain.train} classNames={classNames} forgetClass={fc} colours={c.classes} width={w / 2} showLabels />
              <ClassAccuracyChart title="Test Dataset" gaps={gaps.test} m={gaps.m} meanRetain={gaps.meanRetain.test} classNames={classNames} forgetClass={fc} colours={c.classes} width={w / 2} showLabels={false} />
            </div>
            <p className="caption">← <ModelName which="A" role={roleA} id={a.id} /> High | <ModelName which="B" role={roleB} id={b.id} /> High →</p>
            {groups && <p className="tick" data-testid="group-gap-note">Seed groups (A: n = {groups.as.length}, B: n = {groups.bs.length}): bars show the mean gap over every A × B pairing, whiskers its min–max.</p>}
          </div>
        )}
      </ChartFrame>
      <ChartFrame
        title="Prediction Matrix"
        name="prediction-matrix"
        captions={captions}
        controls={
          <>
            <Segmented label="Prediction matrix split" value={ui.splitMatrix} options={SPLITS} onChange={(v) => ui.setUi({ splitMatrix: v })} />
            <Segmented label="Matrix mode" value={ui.matrixMode} options={[{ value: 'split', label: 'Split' }, { value: 'bubble', label: 'Bubbles' }]} onChange={(v) => ui.setUi({ matrixMode: v })} />
          </>
        }
      >
        {(w) => (
          <div>
            <MatrixLegend mode={ui.matrixMode} />
            <div className="twin">
              {([['A', a], ['B', b]] as const).map(([k, r]) => (
                <PredictionMatrix key={k} labelDist={r.predictions[ui.splitMatrix].labelDist} confDist={r.predictions[ui.splitMatrix].confDist} classNames={classNames} forgetClass={fc} mode={ui.matrixMode} width={w / 2} showRowLabels={k === 'A'} caption={`Model ${k} (${r.role}, ${r.id})`} captionColour={k === 'A' ? c.AStroke : c.BStroke} />
              ))}
            </div>
          </div>
        )}
      </ChartFrame>
      <ChartFrame
        title="Layer-wise Similarity"
        name="cka"
        captions={captions}
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
      <InstanceSetBuilder />
      <EmbeddingPanel a={a} b={b} classNames={classNames} />
    </div>
  );
}
