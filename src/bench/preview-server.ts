// B4's app: a production build in a temporary directory outside the
// repository, served by `vite preview` on a free port (never 4173, which the
// e2e tests use), killed with its whole process group when done.

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const E2E_PORT = 4173;
const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 60_000;

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function portOtherThanE2e(): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (port !== E2E_PORT && port !== 0) return port;
  }
}

async function waitForHttp(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`vite preview exited ${child.exitCode}: ${stderr().trim()}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${url} within ${START_TIMEOUT_MS / 1000} s`);
}

function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
    return Promise.resolve();
  }
  const pid = child.pid;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
      resolve();
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      // npx -> node vite: the group, so no server is left behind.
      process.kill(-pid, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

/** Builds the app and serves it; close() stops the server and removes the build. */
export async function buildAndPreview(): Promise<PreviewServer> {
  const outDir = mkdtempSync(join(tmpdir(), 'berth-b4-'));
  const removeBuild = () => rmSync(outDir, { recursive: true, force: true });
  const build = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (build.status !== 0) {
    removeBuild();
    const said = `${build.stderr ?? ''}${build.stdout ?? ''}`.trim().split('\n').slice(-3);
    throw new Error(`vite build failed: ${said.join(' / ')}`);
  }
  const port = await portOtherThanE2e();
  const child = spawn(
    'npx',
    ['vite', 'preview', '--outDir', outDir, '--host', HOST, '--port', String(port), '--strictPort'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = `http://${HOST}:${port}/`;
  const close = async () => {
    await stopGroup(child);
    removeBuild();
  };
  try {
    await waitForHttp(url, child, () => stderr);
  } catch (error) {
    await close();
    throw error;
  }
  return { url, close };
}
