import { useEffect, useState } from 'react';
import type { ParamSpec, ParamValue } from '@mu/schema';
import { MAX_VALUES, addValue, paramProblem, parseParamInput } from '../derive/sweepPlan.js';
import { PlusIcon } from './PlusIcon.js';

/**
 * One hyperparameter control generated from its descriptor: numbers get an input, a "+" button
 * and value badges (sweeps); enums a select; booleans a switch. Shows the range problem inline
 * and reports whether it shows one (`onProblem`).
 */
export function ParamField({ spec, values, onChange, onProblem }: { spec: ParamSpec; values: ParamValue[]; onChange(values: ParamValue[]): void; onProblem(key: string, shown: boolean): void }) {
  const [text, setText] = useState('');
  const id = `param-${spec.key}`;
  const shown = spec.type !== 'enum' && spec.type !== 'bool' && text !== '' && paramProblem(spec, parseParamInput(spec, text)) !== null;
  // The builder disables BUILD while any field shows a problem.
  useEffect(() => onProblem(spec.key, shown), [onProblem, spec.key, shown]);
  if (spec.type === 'enum')
    return (
      <select id={id} value={String(values[0] ?? spec.default)} onChange={(e) => onChange([e.target.value])} aria-describedby={spec.help ? `${id}-help` : undefined}>
        {spec.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    );
  if (spec.type === 'bool')
    return <input id={id} type="checkbox" role="switch" checked={Boolean(values[0] ?? spec.default)} onChange={(e) => onChange([e.target.checked])} />;
  const parsed = parseParamInput(spec, text);
  const problem = text === '' ? null : paramProblem(spec, parsed);
  const sweepable = spec.sweepable ?? true;
  const add = () => {
    if (parsed === '' || problem) return;
    onChange(sweepable ? addValue(values, parsed) : [parsed]);
    setText('');
  };
  return (
    <div>
      <span className="param-input">
        <input
          id={id}
          inputMode="decimal"
          value={text}
          placeholder={`${spec.min} … ${spec.max}`}
          aria-invalid={problem !== null}
          aria-describedby={`${id}-err`}
          onChange={(e) => setText(spec.type === 'int' && /\./.test(e.target.value) ? e.target.value.split('.')[0] : e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && add()}
        />
        <button type="button" aria-label={`Add ${spec.label} value`} disabled={parsed === '' || problem !== null || (sweepable && values.length >= MAX_VALUES)} onClick={add}><PlusIcon /></button>
      </span>
      <div className="badges" aria-label={`${spec.label} values`}>
        {values.map((v) => (
          <button type="button" key={String(v)} className="badge" title="Remove" onClick={() => onChange(values.filter((x) => x !== v))}>{String(v)} ×</button>
        ))}
      </div>
      <div id={`${id}-err`} className="field-error" role={problem ? 'alert' : undefined}>
        {problem ?? (values.length === 0 ? `Add at least one ${spec.label} value` : '')}
      </div>
    </div>
  );
}
