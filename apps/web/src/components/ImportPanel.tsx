import { useState } from 'react';
import { api } from '../api/client.js';
import { useAppStore } from '../stores/store.js';
import { PytorchImport } from './PytorchImport.js';

/** Imports: reference result files, checkpoints (meta + weights), and PyTorch weights. */
export function ImportPanel() {
  const [report, setReport] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [meta, setMeta] = useState<File | null>(null);
  const [weights, setWeights] = useState<File | null>(null);
  const done = (text: string) => {
    setError(null);
    setReport(text);
    void useAppStore.getState().loadRows();
    void useAppStore.getState().loadBaselines();
  };
  return (
    <div className="panel" aria-label="Imports">
      <div className="panel-title"><h2>Import</h2></div>
      <label>
        Reference result files (.json){' '}
        <input
          type="file"
          accept=".json,application/json"
          multiple
          onChange={async (e) => {
            const files = [...(e.target.files ?? [])];
            if (files.length === 0) return;
            try {
              const r = await api.importResults(files);
              done(`Imported ${r.imported.length}: ${r.imported.map((x) => `${x.id}${x.replaced ? ' (replaced)' : ''}`).join(', ')}`);
            } catch (err) {
              setError((err as Error).message);
            }
            e.target.value = '';
          }}
        />
      </label>
      <p>
        Checkpoint: meta <input type="file" aria-label="Checkpoint meta" onChange={(e) => setMeta(e.target.files?.[0] ?? null)} /> weights{' '}
        <input type="file" aria-label="Checkpoint weights" onChange={(e) => setWeights(e.target.files?.[0] ?? null)} />
        <button
          disabled={!meta || !weights}
          onClick={async () => {
            try {
              const c = await api.importCheckpoint(meta!, weights!);
              done(`Uploaded checkpoint ${c.id} (${c.role})`);
            } catch (err) {
              setError((err as Error).message);
            }
          }}
        >
          Upload
        </button>
      </p>
      <PytorchImport />
      {report && <p role="status" data-testid="import-report">{report}</p>}
      {error && <p className="inline-error" role="alert">{error}</p>}
    </div>
  );
}
