import { useEffect } from 'react';
import { decodeUrlState, encodeUrlState, urlStatePatch } from './urlState.js';
import { useAppStore } from './store.js';

/** Reads the URL once at start, then mirrors the shareable state into it (replaceState, no history spam). */
export function readUrlIntoStore(): void {
  const s = useAppStore.getState();
  useAppStore.setState(urlStatePatch(decodeUrlState(window.location.search), s));
}

export function useUrlSync(): void {
  useEffect(() => {
    let last = '';
    return useAppStore.subscribe((s) => {
      const q = encodeUrlState(s);
      if (q === last) return;
      last = q;
      const url = `${window.location.pathname}?${q}`;
      if (s.stage !== new URLSearchParams(window.location.search).get('stage')) window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    });
  }, []);
  useEffect(() => {
    const onPop = () => readUrlIntoStore();
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
}
