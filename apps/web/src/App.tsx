/**
 * The app: the router over the address's hash, and what it opens for whoever is asking
 * (session/SessionGate.tsx): the signed-out pages, or a workspace's app.
 */
import { Router } from 'wouter';
import { useHashLocation } from './routes/hash-location';
import { SessionGate } from './session/SessionGate';

export function App() {
  return (
    <Router hook={useHashLocation}>
      <SessionGate />
    </Router>
  );
}
