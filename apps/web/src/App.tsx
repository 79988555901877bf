import { useEffect } from 'react';
import { subscribeJobEvents } from './api/jobEvents.js';
import { Header } from './components/Header.js';
import { Toasts } from './components/Toasts.js';
import { AttackStage } from './stages/AttackStage.js';
import { BuildStage } from './stages/BuildStage.js';
import { ContrastStage } from './stages/ContrastStage.js';
import { ScreenStage } from './stages/ScreenStage.js';
import { useBootstrap } from './stores/useBootstrap.js';
import { useAppStore } from './stores/store.js';
import { useUrlSync } from './stores/useUrlSync.js';

/** The frame: header, the four stages (all stay mounted, only the current one shows), toasts. */
export function App() {
  useUrlSync();
  useBootstrap();
  useEffect(
    () =>
      subscribeJobEvents({
        job: (j) => useAppStore.getState().receiveJob(j),
        progress: (p) => useAppStore.getState().receiveProgress(p),
        open: () => {
          useAppStore.getState().setEventsConnected(true);
          void useAppStore.getState().loadJobs();
        },
        error: () => useAppStore.getState().setEventsConnected(false),
      }),
    [],
  );
  const stage = useAppStore((s) => s.stage);
  return (
    <div className="app">
      <Header />
      <main className="stage-area">
        <section hidden={stage !== 'build'} aria-label="Build"><BuildStage /></section>
        <section hidden={stage !== 'screen'} aria-label="Screen"><ScreenStage /></section>
        <section hidden={stage !== 'contrast'} aria-label="Contrast"><ContrastStage /></section>
        <section hidden={stage !== 'attack'} aria-label="Attack"><AttackStage /></section>
      </main>
      <Toasts />
    </div>
  );
}
