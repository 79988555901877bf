// Writes the JSON Schemas of the result record and its summary to packages/schema/json/.
// Usage: pnpm --filter @mu/schema emit-json-schema   (a test checks the files are current)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemaFiles } from '../src/jsonSchemaFiles.js';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'json');
mkdirSync(out, { recursive: true });
for (const [name, text] of Object.entries(jsonSchemaFiles())) {
  writeFileSync(join(out, name), text);
  console.log(`wrote ${join(out, name)}`);
}
