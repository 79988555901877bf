import type { MetricKey } from '../derive/rankColours.js';
import type { SortKey } from '../derive/sortRows.js';

/** The metric columns of the model table (ui.md §2.1). */
export const METRIC_COLUMNS: { key: MetricKey; label: string; title: string; digits: number }[] = [
  { key: 'UA', label: 'UA', title: 'Unlearning Accuracy (forget-class train accuracy; lower is better)', digits: 3 },
  { key: 'RA', label: 'RA', title: 'Remaining Accuracy (retain-class train accuracy)', digits: 3 },
  { key: 'TUA', label: 'TUA', title: 'Test Unlearning Accuracy (forget-class test accuracy)', digits: 3 },
  { key: 'TRA', label: 'TRA', title: 'Test Remaining Accuracy', digits: 3 },
  { key: 'RTE', label: 'RT', title: 'Run-Time Efficiency: unlearning seconds', digits: 1 },
  { key: 'PS', label: 'PS', title: 'Privacy Score: 1 − worst-case attack score', digits: 3 },
];

/** The hyperparameter columns always shown; the column chooser adds any other. */
export const STANDARD_HYPER: { key: 'epochs' | 'batchSize' | 'lr'; label: string; title: string }[] = [
  { key: 'epochs', label: 'Epoch', title: 'Epochs' },
  { key: 'batchSize', label: 'BS', title: 'Batch size' },
  { key: 'lr', label: 'LR', title: 'Learning rate' },
];

export const extraSortKey = (hyperparameter: string): SortKey => `hp:${hyperparameter}`;

/** A table cell's text for a hyperparameter value. */
export const formatValue = (v: unknown) =>
  typeof v === 'number' ? (Number.isInteger(v) ? String(v) : String(+v.toPrecision(3))) : v === undefined || v === null ? '–' : String(v);
