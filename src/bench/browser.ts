// The Chromium that e2e tests and the frame benchmark run in: where it is
// (one resolver, shared by playwright.config.ts, scripts/ensure-browser.ts
// and frames.bench.ts), how it is launched, and what to do when there is
// none. Everything that touches the machine comes in as a probe, so the
// decisions are unit-tested without a browser or an install.
//
// It lives in src/bench because the benchmark needs it and may only import
// from its own layer (src/architecture.test.ts); the config and the script
// import it from here.

import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium } from '@playwright/test';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Launch arguments for Debian's Chromium in a container (shared/toolchain.md, pitfall 1). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const NO_CHROMIUM_MESSAGE =
  'No Chromium found: install it (Debian: apt-get install chromium; elsewhere: npx playwright install chromium) or set CHROMIUM_PATH.';

export function badEnvMessage(path: string): string {
  return `CHROMIUM_PATH is ${path}, which does not exist: point it at a Chromium binary, or unset it to use ${DEBIAN_CHROMIUM} or Playwright's own browsers.`;
}

export interface PathProbes {
  /** The CHROMIUM_PATH environment variable. */
  env: string | undefined;
  exists(path: string): boolean;
  /** Where Playwright's own Chromium would be installed (whether it is or not). */
  playwrightPath(): string | undefined;
}

export type BrowserLookup =
  | { kind: 'found'; source: 'CHROMIUM_PATH' | 'debian' | 'playwright'; path: string }
  /** CHROMIUM_PATH names a file that is not there: said, not silently skipped. */
  | { kind: 'bad-env'; path: string }
  | { kind: 'none' };

/** CHROMIUM_PATH, then /usr/bin/chromium, then Playwright's own browsers. */
export function findChromium(probes: PathProbes): BrowserLookup {
  if (probes.env) {
    return probes.exists(probes.env)
      ? { kind: 'found', source: 'CHROMIUM_PATH', path: probes.env }
      : { kind: 'bad-env', path: probes.env };
  }
  if (probes.exists(DEBIAN_CHROMIUM))
    return { kind: 'found', source: 'debian', path: DEBIAN_CHROMIUM };
  const own = probes.playwrightPath();
  if (own && probes.exists(own)) return { kind: 'found', source: 'playwright', path: own };
  return { kind: 'none' };
}

/**
 * `launchOptions.executablePath`: the path for CHROMIUM_PATH (even a wrong
 * one, so Playwright names it) and Debian's; undefined lets Playwright pick
 * its own browser (never `channel`).
 */
export function executablePathFor(lookup: BrowserLookup): string | undefined {
  if (lookup.kind === 'bad-env') return lookup.path;
  if (lookup.kind === 'found' && lookup.source !== 'playwright') return lookup.path;
  return undefined;
}

export interface HostProbes {
  isRoot: boolean;
  isDebian: boolean;
  hasAptGet: boolean;
}

export type InstallMethod = 'apt' | 'playwright';

export type BrowserPlan =
  | { kind: 'ready'; lookup: Extract<BrowserLookup, { kind: 'found' }> }
  | { kind: 'install'; methods: readonly InstallMethod[] }
  | { kind: 'fail'; message: string };

/**
 * What to do about the browser. On Debian as root Debian's chromium comes
 * first (Playwright's download is not the browser this project tests in),
 * with Playwright's download after it; anywhere else only the download.
 */
export function planBrowser(lookup: BrowserLookup, host: HostProbes): BrowserPlan {
  if (lookup.kind === 'found') return { kind: 'ready', lookup };
  // Installing cannot help: CHROMIUM_PATH would still win.
  if (lookup.kind === 'bad-env') return { kind: 'fail', message: badEnvMessage(lookup.path) };
  const apt = host.isRoot && host.isDebian && host.hasAptGet;
  return { kind: 'install', methods: apt ? ['apt', 'playwright'] : ['playwright'] };
}

export interface EnsureDeps {
  lookup(): BrowserLookup;
  host: HostProbes;
  /** Runs one install; true when it exited 0. */
  install(method: InstallMethod): boolean;
  /** Progress for people (stderr). */
  say(line: string): void;
}

export type EnsureResult =
  | { ok: true; path: string; installed?: InstallMethod }
  | { ok: false; message: string };

/** Finds a browser, else installs one where it can, else says in one line what to install. */
export function ensureBrowser(deps: EnsureDeps): EnsureResult {
  const plan = planBrowser(deps.lookup(), deps.host);
  if (plan.kind === 'ready') return { ok: true, path: plan.lookup.path };
  if (plan.kind === 'fail') return { ok: false, message: plan.message };
  for (const method of plan.methods) {
    if (method === 'apt') deps.say('No Chromium found; installing it: apt-get install -y chromium');
    if (!deps.install(method)) continue;
    const after = deps.lookup();
    if (after.kind === 'found') return { ok: true, path: after.path, installed: method };
  }
  return { ok: false, message: NO_CHROMIUM_MESSAGE };
}

// The machine's probes.

function onPath(command: string): boolean {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

export function machinePathProbes(): PathProbes {
  return {
    env: process.env.CHROMIUM_PATH,
    exists: existsSync,
    playwrightPath: () => {
      try {
        return chromium.executablePath();
      } catch {
        return undefined;
      }
    },
  };
}

export function machineHostProbes(): HostProbes {
  return {
    isRoot: process.getuid?.() === 0,
    isDebian: existsSync('/etc/debian_version'),
    hasAptGet: onPath('apt-get'),
  };
}

const INSTALL_TIMEOUT_MS = 10 * 60_000;

/** Runs an install quietly; its output is shown only by the caller's one line. */
export function runInstall(method: InstallMethod): boolean {
  const run = (command: string, args: string[]) =>
    spawnSync(command, args, {
      stdio: 'ignore',
      timeout: INSTALL_TIMEOUT_MS,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0;
  if (method === 'apt')
    return (
      run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'chromium'])
    );
  return run('npx', ['playwright', 'install', 'chromium']);
}

/** The executablePath to launch with on this machine (see executablePathFor). */
export function chromiumExecutablePath(): string | undefined {
  return executablePathFor(findChromium(machinePathProbes()));
}
