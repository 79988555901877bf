import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseReferenceFile } from '@mu/engine';
import type { ResultRecord } from '@mu/schema';
import { describe, expect, it } from 'vitest';
import { resultsCsv } from '../../src/export/resultsCsv.js';
import { fixtureDir } from '../helpers/fixtures.js';

const record = (name: string): ResultRecord =>
  parseReferenceFile(readFileSync(path.join(fixtureDir, name), 'utf8'), { fileName: name, importedAt: '2026-01-01T00:00:00.000Z' });

describe('resultsCsv', () => {
  const ft = record('f48d.json');
  const original = record('0000.json');

  it('writes a header, one CRLF-terminated row per record and one column per hyperparameter', () => {
    const lines = resultsCsv([ft, original]).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines[0]).toBe('id,modelId,role,label,createdAt,dataset,architecture,forgetClass,method,methodVersion,seed,baseModelId,UA,RA,TUA,TRA,PS,psBasis,RTE,source,warnings,hp.batchSize,hp.epochs,hp.lr');
    expect(lines[1].split(',').slice(0, 3)).toEqual(['ref0-f48d', 'ref0-f48d', 'unlearned']);
    expect(lines[1].endsWith(',64,10,0.01')).toBe(true);
  });

  it('leaves nulls empty, quotes commas and quotes, and defuses formulas', () => {
    const labelled = { ...ft, label: '=HYPERLINK("x"), "quoted"' };
    expect(resultsCsv([labelled]).split('\r\n')[1]).toContain(`,"'=HYPERLINK(""x""), ""quoted""",`);
    const unknown = { ...ft, config: { ...ft.config, seed: null }, metrics: { ...ft.metrics, PS: null, RTE: null } };
    const [header, row] = resultsCsv([unknown]).split('\r\n').map((line) => line.split(','));
    expect(row).toHaveLength(header.length);
    for (const column of ['seed', 'PS', 'RTE']) expect(row[header.indexOf(column)]).toBe('');
    expect(row[header.indexOf('UA')]).toBe(String(ft.metrics.UA));
  });

  it('is only the header for no records', () => {
    expect(resultsCsv([]).split('\r\n')).toHaveLength(2);
  });
});
