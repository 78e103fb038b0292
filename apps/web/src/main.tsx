/** Entry point: mounts the app. */
import '@xyflow/react/dist/style.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element to mount Treeline into.');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
