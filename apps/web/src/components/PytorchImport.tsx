import { useState } from 'react';
import { api } from '../api/client.js';
import { useAppStore } from '../stores/store.js';

type Role = 'original' | 'retrained' | 'unlearned';
const ROLES: { value: Role; label: string }[] = [
  { value: 'unlearned', label: 'Unlearned model' },
  { value: 'original', label: 'Original' },
  { value: 'retrained', label: 'Retrained' },
];

/**
 * PyTorch weights (.pth from torch.save(state_dict), or .safetensors) by drag and drop or file
 * picker, for the current dataset, architecture and forget class: the server checks the file at
 * once and evaluates it as a job, which the queue shows with its progress.
 */
export function PytorchImport() {
  const dataset = useAppStore((s) => s.dataset);
  const architecture = useAppStore((s) => s.architecture);
  const forgetClass = useAppStore((s) => s.forgetClass);
  const [role, setRole] = useState<Role>('unlearned');
  const [over, setOver] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const ready = dataset !== null && architecture !== null && (role === 'original' || forgetClass !== null);

  const send = async (file: File | undefined) => {
    if (!file || !ready) return;
    if (!/\.(pth|pt|safetensors)$/i.test(file.name)) {
      setStatus({ ok: false, text: `${file.name} is not a .pth or .safetensors file` });
      return;
    }
    try {
      const job = await api.importWeights(file, { dataset: dataset!, architecture: architecture!, role, forgetClass: role === 'original' ? null : forgetClass });
      useAppStore.setState((s) => ({ jobs: { ...s.jobs, [job.id]: job }, queuedAt: { ...s.queuedAt, [job.id]: Date.now() }, selectedJob: job.id }));
      setStatus({ ok: true, text: `Importing ${file.name}: job ${job.id}` });
    } catch (err) {
      setStatus({ ok: false, text: (err as Error).message });
    }
  };

  return (
    <div
      className={`drop-zone${over ? ' drop-over' : ''}`}
      aria-label="PyTorch weights"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void send(e.dataTransfer.files[0]);
      }}
    >
      <p>
        PyTorch weights (.pth, .safetensors) for {architecture ?? '…'} on {dataset ?? '…'}
        {role !== 'original' && forgetClass !== null ? `, class ${forgetClass}` : ''}: drop a file here or{' '}
        <input
          type="file"
          accept=".pth,.pt,.safetensors"
          aria-label="PyTorch weights file"
          disabled={!ready}
          onChange={(e) => {
            void send(e.target.files?.[0]);
            e.target.value = '';
          }}
        />{' '}
        as{' '}
        <select aria-label="Import as" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r.value} value={r.value}>{r.label}</option>
          ))}
        </select>
      </p>
      {status && <p className={status.ok ? undefined : 'inline-error'} role={status.ok ? 'status' : 'alert'} data-testid="pytorch-import-status">{status.text}</p>}
    </div>
  );
}
