import { useMemo, useRef } from 'react';
import type { ResultRecord } from '../api/types.js';
import { EmbeddingScatter, type ScatterHandle } from '../charts/EmbeddingScatter.js';
import { embeddingPoints, linkPoints } from '../derive/embeddingPoints.js';
import { plotExtent } from '../derive/plotExtent.js';
import { useAppStore } from '../stores/store.js';
import { useColours } from './colours.js';
import { ModelName } from './ModelName.js';

const noop = () => undefined;

/**
 * The two embedding plots of the Overview, side by side: Contrast's scatter component with the
 * current highlight and linked hover, without lasso or zoom (those live in Contrast).
 */
export function OverviewEmbeddings({ a, b, classNames, width }: { a: ResultRecord; b: ResultRecord; classNames: string[]; width: number }) {
  const highlight = useAppStore((s) => s.highlight);
  const c = useColours();
  const handleA = useRef<ScatterHandle | null>(null);
  const handleB = useRef<ScatterHandle | null>(null);
  const emb = useMemo(() => {
    const pa = embeddingPoints(a);
    const pb = embeddingPoints(b);
    const link = linkPoints(pa, pb);
    return { pa, pb, link, domA: { x: plotExtent(pa.x), y: plotExtent(pa.y) }, domB: { x: plotExtent(pb.x), y: plotExtent(pb.y) } };
  }, [a, b]);
  const size = Math.max(100, Math.min(Math.floor(width / 2) - 8, 420));
  const common = { highlight, forgetClass: a.config.forgetClass, colours: c.classes, classNames, inSet: null, movers: null, lassoOn: false, lasso: null, onLasso: noop, onUserZoom: noop, onResetZoom: noop, width: size, height: size };
  return (
    <div className="twin overview-embeddings">
      <div>
        <ModelName which="A" role={a.role} id={a.id} />
        <EmbeddingScatter which="A" points={emb.pa} x={emb.pa.x} y={emb.pa.y} domain={emb.domA} link={emb.link.aToB} handle={handleA} {...common} />
      </div>
      <div>
        <ModelName which="B" role={b.role} id={b.id} />
        <EmbeddingScatter which="B" points={emb.pb} x={emb.pb.x} y={emb.pb.y} domain={emb.domB} link={emb.link.bToA} handle={handleB} {...common} />
      </div>
    </div>
  );
}
