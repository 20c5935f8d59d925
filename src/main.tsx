import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app.tsx';
import { registerServiceWorkerWhenIdle } from '@/app/app-update.ts';
import { ConfigErrorScreen } from '@/app/config-error-screen.tsx';
import { loadAppConfig } from '@/config/app-config.ts';
import './app/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

loadAppConfig().then(
  async (config) => {
    // Before anything can happen, and only when it is on: with the inspector off, no recorder code
    // is even fetched, and nothing is ever recorded.
    // A recorder that fails to load costs the demo its timeline, never the app.
    if (config.inspector) {
      await import('@/inspector/recording.ts').then(
        (recording) => recording.startRecording(),
        () => undefined,
      );
    }
    root.render(
      <StrictMode>
        <App config={config} />
      </StrictMode>,
    );
  },
  (error: unknown) => root.render(<ConfigErrorScreen error={error} />),
);
// Whatever the configuration said: the worker is what lets the next start work with no network.
registerServiceWorkerWhenIdle();
