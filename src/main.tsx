import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app.tsx';
import { ConfigErrorScreen } from '@/app/config-error-screen.tsx';
import { flowLog } from '@/auth/flow-log.ts';
import { loadAppConfig } from '@/config/app-config.ts';
import './app/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

loadAppConfig().then(
  (config) => {
    // Before anything can happen: with the inspector off, nothing is ever recorded.
    flowLog.enable(config.inspector);
    root.render(
      <StrictMode>
        <App config={config} />
      </StrictMode>,
    );
  },
  (error: unknown) => root.render(<ConfigErrorScreen error={error} />),
);
