import type { StateCreator } from 'zustand';
import type { AppState } from './store.js';

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  message: string;
  /** Choices offered with the notice; a toast with actions stays until used or dismissed. */
  actions?: { label: string; run(): void }[];
}

/** Dismissible notices: errors of background actions, and confirmations. Never alert(). */
export interface ToastSlice {
  toasts: Toast[];
  toast(kind: Toast['kind'], message: string, actions?: Toast['actions']): void;
  dismissToast(id: number): void;
}

let nextToast = 1;

export const createToastSlice: StateCreator<AppState, [], [], ToastSlice> = (set, get) => ({
  toasts: [],
  toast: (kind, message, actions) => {
    const id = nextToast++;
    set({ toasts: [...get().toasts.filter((t) => t.message !== message), { id, kind, message, actions }].slice(-5) });
    if (typeof window !== 'undefined' && !actions) window.setTimeout(() => get().dismissToast(id), kind === 'error' ? 8000 : 4000);
  },
  dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
});
