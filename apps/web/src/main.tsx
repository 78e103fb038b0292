/** Entry point: mounts the app. */
import '@xyflow/react/dist/style.css';
import './styles.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createAppQueryClient } from './server-data/query-client';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element to mount Treeline into.');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={createAppQueryClient()}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
