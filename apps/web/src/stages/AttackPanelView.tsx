import { useCallback, useMemo, useState } from 'react';
import { api } from '../api/client.js';
import { AttackPanelChart } from '../charts/AttackPanelChart.js';
import { ChartFrame } from '../charts/ChartFrame.js';
import { AttackGrid, type ThumbSprite } from '../components/AttackGrid.js';
import { RETRAINED, useColours } from '../components/colours.js';
import { EmptyState } from '../components/EmptyState.js';
import { ImageCard } from '../components/ImageCard.js';
import { modelCaptions } from '../components/modelCaptions.js';
import { ModelName } from '../components/ModelName.js';
import { attackDots } from '../derive/attackDots.js';
import { attackGrids } from '../derive/attackGrids.js';
import { attackInstance } from '../derive/attackInstance.js';
import { attackSubset } from '../derive/attackSubset.js';
import { linkedHoverCss, type SampleRef } from '../derive/linkedHoverCss.js';
import { emptySetNote, setScope } from '../derive/setScope.js';
import { spriteSheet } from '../derive/spriteSheet.js';
import { GRID, gridIndex } from '../derive/thresholdStrategies.js';
import { attackEmptyReason } from '../derive/attackEmptyReason.js';
import { useAppStore } from '../stores/store.js';
import { useClassNames } from '../stores/useClassNames.js';
import type { AttackPanel } from './useAttackPanels.js';

/**
 * One half of the Attack view (ui.md §4.3–4.5): the model vs its Retrained record as a dot
 * histogram with curves, the privacy score and the success / failure grids, all linked: hovering
 * a dot or a thumbnail emphasises that sample in both, clicking either opens its image card.
 */
export function AttackPanelView({ which, panel }: { which: 'A' | 'B'; panel: AttackPanel }) {
  const metric = useAppStore((s) => s.metric);
  const strategy = useAppStore((s) => s.strategy);
  const setCustomThreshold = useAppStore((s) => s.setCustomThreshold);
  const setStage = useAppStore((s) => s.setStage);
  const retrainedLoading = useAppStore((s) => { const id = panel.record.references.retrainedModelId; return id !== null && s.fullStatus[id] !== 'ready' && s.fullStatus[id] !== 'error'; });
  const instanceSet = useAppStore((s) => s.instanceSet);
  const classNames = useClassNames();
  const c = useColours();
  const [hovered, setHovered] = useState<SampleRef | null>(null);
  const [opened, setOpened] = useState<{ sample: SampleRef; at: { x: number; y: number } } | null>(null);
  const onOpen = useCallback((sample: SampleRef, at: { x: number; y: number }) => setOpened({ sample, at }), []);

  const { record: rec, retrainedRecord: ret, merged, threshold: t, direction } = panel;
  const dataset = rec.config.dataset.id;
  const modelValues = rec.attack?.subset[metric] ?? null;
  const retrainedValues = ret?.attack?.subset[metric] ?? null;
  const samples = useMemo(() => ({ model: attackSubset(rec), retrained: ret ? attackSubset(ret) : null }), [rec, ret]);
  const dots = useMemo(() => (modelValues && retrainedValues ? attackDots(modelValues, retrainedValues, metric).dots : null), [modelValues, retrainedValues, metric]);
  const grids = useMemo(
    () => (modelValues && retrainedValues && direction ? attackGrids(modelValues, retrainedValues, t, direction, metric, samples) : null),
    [modelValues, retrainedValues, t, direction, metric, samples],
  );
  const shown = useMemo(() => [...(samples.model ?? []), ...(samples.retrained ?? [])], [samples]);
  const scope = useMemo(() => setScope(instanceSet?.keys, shown.map((x) => x.key)), [instanceSet, shown]);
  const inSet = scope && scope.matched > 0 ? instanceSet!.keys : null;
  const sprite = useMemo((): ThumbSprite | null => {
    const sheet = spriteSheet(shown.map((s) => s.image));
    return sheet.indices.length > 0 ? { url: api.thumbnailsUrl(dataset, 'train', sheet.indices), tiles: sheet.indices.length, tileOf: sheet.tileOf } : null;
  }, [shown, dataset]);

  const label = `Model ${which}`;
  if (rec.role === 'retrained') return <EmptyState message="This is the Retrained model — nothing to attack" />;
  const missing = attackEmptyReason(rec, ret, retrainedLoading);
  if (missing) return <EmptyState message={missing} action={{ label: 'Go to Build', onClick: () => setStage('build') }} />;
  if (!merged || !direction) return <div className="skeleton" style={{ height: 200 }}>Loading the Retrained record…</div>;
  if (!dots || !grids || !modelValues || !retrainedValues) return <div className="skeleton" style={{ height: 200 }}>Loading the Retrained record…</div>;

  const colour = which === 'A' ? c.A : c.B;
  const i = gridIndex(metric, t);
  const success = grids.success.length;
  const total = modelValues.length + retrainedValues.length;
  const common = { total, sprite, which, colour, lightColour: which === 'A' ? c.ALight : c.BLight, inSet, onHover: setHovered, onOpen };
  const instance = opened ? attackInstance(rec, ret, opened.sample.side, opened.sample.i) : null;
  return (
    <ChartFrame
      title={`Retrained Model (${ret?.id}) vs. ${label}`}
      name={`attack-${which}`}
      captions={[{ text: `Retrained Model (${ret?.id})`, colour: RETRAINED, badge: null }, ...modelCaptions([{ which, role: rec.role, id: rec.id }], c)]}
    >
      {(w) => (
        <div data-panel={which} className="attack-panel">
          <style>{linkedHoverCss(which, hovered)}</style>
          <div className="attack-panel-head">
            <ModelName which={which} role={rec.role} id={rec.id} />
            <label>
              Threshold{' '}
              {/* The threshold this panel uses under any strategy; typing one switches to Custom. */}
              <input
                type="number"
                aria-label={`Threshold for ${label}`}
                step={GRID[metric].step}
                min={GRID[metric].lo}
                max={GRID[metric].hi}
                value={t}
                onChange={(e) => Number.isFinite(e.target.valueAsNumber) && setCustomThreshold(e.target.valueAsNumber)}
              />
            </label>
          </div>
          {scope && scope.matched === 0 && <p className="empty-inline" data-testid={`set-empty-${which}`}>{emptySetNote(instanceSet!.label, scope, 'attack samples of this panel')}</p>}
          <AttackPanelChart
            dots={dots}
            merged={merged}
            metric={metric}
            threshold={t}
            direction={direction}
            colour={colour}
            label={label}
            width={w}
            draggable={strategy === 'custom'}
            onThreshold={setCustomThreshold}
            samples={samples}
            inSet={inSet}
            hovered={hovered}
            onHover={setHovered}
            onOpen={onOpen}
          />
          <p data-testid={`privacy-${which}`}>Privacy Score = <b>{(1 - merged.score[i]).toFixed(3)}</b> <span className="tick">(200 images at this threshold; the table's PS uses all forget images at the worst case)</span></p>
          <p>
            <span style={{ color: strategy === 'maxSuccess' ? '#b91c1c' : undefined }}>Success {(100 * success / total).toFixed(2)}%</span> · Failure {(100 * (total - success) / total).toFixed(2)}%
          </p>
          <AttackGrid kind="success" thumbs={grids.success} highlightTitle={strategy === 'maxSuccess'} {...common} />
          <AttackGrid kind="failure" thumbs={grids.failure} highlightTitle={false} {...common} />
          {opened && instance && (
            <ImageCard
              at={opened.at}
              imageSrc={instance.image !== null ? api.imageUrl(dataset, 'train', instance.image) : null}
              imageAlt={`training image ${instance.image}`}
              trueClass={instance.trueClass}
              models={[
                { label: 'Retrained Model', colour: RETRAINED, pred: instance.retrained?.pred ?? null, probs: instance.retrained?.probs ?? null },
                { label, colour: which === 'A' ? c.AStroke : c.BStroke, pred: instance.model?.pred ?? null, probs: instance.model?.probs ?? null },
              ]}
              emphasis={opened.sample.side === 'retrained' ? 0 : 1}
              classNames={classNames}
              forgetClass={rec.config.forgetClass}
              onClose={() => setOpened(null)}
            />
          )}
        </div>
      )}
    </ChartFrame>
  );
}
