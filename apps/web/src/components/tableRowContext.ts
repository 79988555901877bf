import type { KeyboardEvent } from 'react';
import type { ResultHeadline } from '../api/types.js';
import type { colourDomains } from '../derive/rankColours.js';
import type { TableItem } from '../derive/seedGroups.js';
import type { BuilderPrefill } from './ModelBuilder.js';

/** What every row of the model table shares: columns, colour domains, focus, menus and actions. */
export interface TableRowContext {
  extraColumns: string[];
  domains: ReturnType<typeof colourDomains>;
  /** The roving-tabindex row (`r:<id>` or `g:<group id>`). */
  focusKey: string | null;
  setFocusKey(key: string): void;
  onRowKey(e: KeyboardEvent<HTMLTableRowElement>, item: TableItem): void;
  menu: string | null;
  setMenu(id: string | null): void;
  /** Delete is blocked for these record ids (designated references) and model ids (a live job's base). */
  designated: ReadonlySet<string | undefined | null>;
  runningBases: ReadonlySet<string | undefined>;
  /** Model ids still present: a base not among them was deleted. */
  knownModels: ReadonlySet<string>;
  /** Model (checkpoint) id → the id of its record in this class: the one id users see. */
  recordOfModel: ReadonlyMap<string, string>;
  onDetails(id: string): void;
  onBuild(prefill: BuilderPrefill): void;
}

export const itemKey = (item: TableItem) => (item.kind === 'row' ? `r:${item.row.id}` : `g:${item.group.id}`);

export const baseDeleted = (r: ResultHeadline, known: ReadonlySet<string>) => r.baseModelId !== null && !known.has(r.baseModelId);
