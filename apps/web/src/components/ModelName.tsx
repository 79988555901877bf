import { useColours } from './colours.js';

const TYPE = { original: 'Original', retrained: 'Retrained', unlearned: 'Unlearned' } as const;

/** "Model A (<Type>, <ID>)" — the record id in full, as the table shows it — in the model's colour, with a letter badge so colour is never the only cue. */
export function ModelName({ which, role, id }: { which: 'A' | 'B'; role?: keyof typeof TYPE; id?: string | null }) {
  const c = useColours();
  return (
    <span className="model-name" style={{ color: which === 'A' ? c.AStroke : c.BStroke }}>
      <span className="ab-badge" style={{ background: which === 'A' ? c.A : c.B }}>{which}</span>
      Model {which}{role && id ? ` (${TYPE[role]}, ${id})` : ''}
    </span>
  );
}
