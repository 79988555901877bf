import type { ParamSpec } from '@mu/schema';
import { listMethods } from '../../methods/registry.js';
import { loadCustomMethods, methodsDir } from '../loadCustomMethods.js';

export const methodsUsage = `mu methods
  Lists every unlearning method (built-in and from the methods folder) with its parameters.`;

function describeParam(p: ParamSpec): string {
  switch (p.type) {
    case 'int':
      return `int ${p.min}..${p.max}${p.maxFrom ? ` (≤ ${p.maxFrom})` : ''}, default ${p.defaultFrom ? `= ${p.defaultFrom}` : p.default}`;
    case 'float':
      return `float ${p.minExclusive ? '(' : '['}${p.min}, ${p.max}${p.maxExclusive ? ')' : ']'}${p.scale === 'log' ? ' log' : ''}, default ${p.default}`;
    case 'enum':
      return `one of ${p.options.map((o) => o.value).join('|')}, default ${p.default}`;
    case 'bool':
      return `true|false, default ${p.default}`;
  }
}

export async function methods(): Promise<void> {
  await loadCustomMethods();
  console.log(`methods (custom ones from ${methodsDir()}):`);
  for (const { descriptor } of listMethods()) {
    console.log(`\n${descriptor.id} — ${descriptor.label} (v${descriptor.version})\n  ${descriptor.description}`);
    for (const p of descriptor.params) console.log(`  --${p.key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).padEnd(26)} ${describeParam(p)}`);
  }
}
