import { describe, expect, it } from 'vitest';
import {
  type BrowserLookup,
  DEBIAN_CHROMIUM,
  ensureBrowser,
  executablePathFor,
  findChromium,
  type HostProbes,
  type InstallMethod,
  NO_CHROMIUM_MESSAGE,
  planBrowser,
} from './browser';

const OWN = '/home/me/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

function paths(present: readonly string[], env?: string) {
  return { env, exists: (p: string) => present.includes(p), playwrightPath: () => OWN };
}

const debianRoot: HostProbes = { isRoot: true, isDebian: true, hasAptGet: true };

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, then Debian, then Playwright', () => {
    const all = ['/opt/chrome', DEBIAN_CHROMIUM, OWN];
    expect(findChromium(paths(all, '/opt/chrome'))).toMatchObject({ source: 'CHROMIUM_PATH' });
    expect(findChromium(paths(all))).toMatchObject({ source: 'debian', path: DEBIAN_CHROMIUM });
    expect(findChromium(paths([OWN]))).toMatchObject({ source: 'playwright', path: OWN });
    expect(findChromium(paths([]))).toEqual({ kind: 'none' });
  });

  it('names a CHROMIUM_PATH that is not there rather than fall back', () => {
    expect(findChromium(paths([DEBIAN_CHROMIUM], '/nonexistent'))).toEqual({
      kind: 'bad-env',
      path: '/nonexistent',
    });
  });

  it('leaves Playwright to launch its own browser', () => {
    expect(executablePathFor(findChromium(paths([DEBIAN_CHROMIUM])))).toBe(DEBIAN_CHROMIUM);
    expect(executablePathFor(findChromium(paths([OWN])))).toBeUndefined();
    expect(executablePathFor(findChromium(paths([], '/x')))).toBe('/x');
    expect(executablePathFor({ kind: 'none' })).toBeUndefined();
  });
});

describe('planBrowser', () => {
  const none: BrowserLookup = { kind: 'none' };

  it('uses a browser that is there', () => {
    const found = findChromium(paths([DEBIAN_CHROMIUM]));
    expect(planBrowser(found, debianRoot)).toEqual({ kind: 'ready', lookup: found });
  });

  it('on Debian as root installs with apt, then tries Playwright', () => {
    expect(planBrowser(none, debianRoot)).toEqual({
      kind: 'install',
      methods: ['apt', 'playwright'],
    });
  });

  it.each([
    ['not root', { ...debianRoot, isRoot: false }],
    ['not Debian', { ...debianRoot, isDebian: false }],
    ['no apt-get', { ...debianRoot, hasAptGet: false }],
  ])('%s: only Playwright’s download', (_, host) => {
    expect(planBrowser(none, host)).toEqual({ kind: 'install', methods: ['playwright'] });
  });

  it('installs nothing for a wrong CHROMIUM_PATH', () => {
    const plan = planBrowser({ kind: 'bad-env', path: '/nonexistent' }, debianRoot);
    expect(plan.kind).toBe('fail');
    if (plan.kind === 'fail') expect(plan.message).toContain('CHROMIUM_PATH is /nonexistent');
  });
});

describe('ensureBrowser', () => {
  /** A machine where an install of `works` puts Chromium at `lands`. */
  function machine(host: HostProbes, works: InstallMethod | undefined, lands: string) {
    const present: string[] = [];
    const tried: InstallMethod[] = [];
    const said: string[] = [];
    const result = ensureBrowser({
      lookup: () => findChromium(paths(present)),
      host,
      install: (method) => {
        tried.push(method);
        if (method !== works) return false;
        present.push(lands);
        return true;
      },
      say: (line) => said.push(line),
    });
    return { result, tried, said };
  }

  it('installs with apt and goes on', () => {
    const { result, tried } = machine(debianRoot, 'apt', DEBIAN_CHROMIUM);
    expect(result).toEqual({ ok: true, path: DEBIAN_CHROMIUM, installed: 'apt' });
    expect(tried).toEqual(['apt']);
  });

  it('falls back to Playwright when apt fails', () => {
    const { result, tried } = machine(debianRoot, 'playwright', OWN);
    expect(result).toEqual({ ok: true, path: OWN, installed: 'playwright' });
    expect(tried).toEqual(['apt', 'playwright']);
  });

  it('treats an install that exits 0 but leaves no browser as failed', () => {
    const { result } = machine({ ...debianRoot, isRoot: false }, 'playwright', '/elsewhere');
    expect(result).toEqual({ ok: false, message: NO_CHROMIUM_MESSAGE });
  });

  it('stops with one line when nothing can install', () => {
    const { result, tried, said } = machine({ ...debianRoot, isRoot: false }, undefined, '');
    expect(tried).toEqual(['playwright']);
    expect(said).toEqual([]);
    expect(result).toEqual({ ok: false, message: NO_CHROMIUM_MESSAGE });
    expect(NO_CHROMIUM_MESSAGE).not.toContain('\n');
  });

  it('installs nothing when a browser is there', () => {
    const result = ensureBrowser({
      lookup: () => findChromium(paths([DEBIAN_CHROMIUM])),
      host: debianRoot,
      install: () => {
        throw new Error('must not install');
      },
      say: () => {},
    });
    expect(result).toEqual({ ok: true, path: DEBIAN_CHROMIUM });
  });
});
