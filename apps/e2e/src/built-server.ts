/**
 * Starts the built server (`node apps/api/dist/server.js`, exactly what `pnpm start` runs)
 * as a child process and waits for the URL it prints.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const serverEntry = fileURLToPath(new URL('../../api/dist/server.js', import.meta.url));

export interface ServerRun {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Runs the server to completion (for startup failures): exit code, stdout and stderr. */
export function runServerToExit(env: Record<string, string>, timeoutMs = 60_000) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [serverEntry], {
      env: { ...process.env, ...env },
      stdio: 'pipe',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not exit within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts the server and resolves once it prints "Treeline is running at <url>". */
export function startBuiltServer(
  env: Record<string, string>,
  timeoutMs = 150_000,
): Promise<ServerRun> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [serverEntry], {
      env: { ...process.env, PORT: '0', ...env },
      stdio: 'pipe',
    });
    let output = '';
    const stop = () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Treeline is running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], output: () => output, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`));
    });
  });
}
