import type { StateCreator } from 'zustand';
import type { AppState } from './store.js';

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  message: string;
}

/** Dismissible notices: errors of background actions, and confirmations. Never alert(). */
export interface ToastSlice {
  toasts: Toast[];
  toast(kind: Toast['kind'], message: string): void;
  dismissToast(id: number): void;
}

let nextToast = 1;

export const createToastSlice: StateCreator<AppState, [], [], ToastSlice> = (set, get) => ({
  toasts: [],
  toast: (kind, message) => {
    const id = nextToast++;
    set({ toasts: [...get().toasts.filter((t) => t.message !== message), { id, kind, message }].slice(-5) });
    if (typeof window !== 'undefined') window.setTimeout(() => get().dismissToast(id), kind === 'error' ? 8000 : 4000);
  },
  dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
});
