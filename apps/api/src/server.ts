/** Entry point: `node dist/server.js` (pnpm start). Problems a person can fix print as one line. */
import { DatabaseSetupError } from '@treeline/db';
import { StartupError, startServer } from './start-server';

try {
  const server = await startServer();
  console.log(`\nTreeline is running at ${server.url}  (API docs: ${server.url}/api/docs)\n`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (error instanceof DatabaseSetupError || error instanceof StartupError) {
    console.error(`treeline: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
