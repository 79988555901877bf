import { useEffect } from 'react';
import { subscribeJobEvents } from './api/jobEvents.js';
import { useColours } from './components/colours.js';
import { Header } from './components/Header.js';
import { Toasts } from './components/Toasts.js';
import { useRovingFocus } from './components/useRovingFocus.js';
import { AttackStage } from './stages/AttackStage.js';
import { BuildStage } from './stages/BuildStage.js';
import { ContrastStage } from './stages/ContrastStage.js';
import { OverviewStage } from './stages/OverviewStage.js';
import { ScreenStage } from './stages/ScreenStage.js';
import { useBootstrap } from './stores/useBootstrap.js';
import { useAppStore } from './stores/store.js';
import { useUrlSync } from './stores/useUrlSync.js';

const STAGE_PANELS = [
  ['build', 'Build', BuildStage],
  ['screen', 'Screen', ScreenStage],
  ['contrast', 'Contrast', ContrastStage],
  ['attack', 'Attack', AttackStage],
  ['overview', 'Overview', OverviewStage],
] as const;

/** The frame: header, the four stages and the Overview (all stay mounted, only the current one shows), toasts. */
export function App() {
  useUrlSync();
  useRovingFocus();
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
  const c = useColours();
  // The theme's model colours for the stylesheet (table row markers).
  const themeVars = { '--model-a': c.A, '--model-b': c.B } as React.CSSProperties;
  return (
    <div className="app" style={themeVars}>
      <Header />
      <main className="stage-area">
        {STAGE_PANELS.map(([name, label, Stage]) => (
          <section key={name} id={`stage-${name}`} role="tabpanel" aria-label={label} hidden={stage !== name}>
            <Stage />
          </section>
        ))}
      </main>
      <Toasts />
    </div>
  );
}
