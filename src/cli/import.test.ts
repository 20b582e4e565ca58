import { describe, expect, it } from 'vitest';
import { runImport } from './import';

const designs = new URL('../../e2e/designs/', import.meta.url).pathname;

describe('npm run import', () => {
  it('merges several files into one design on stdout, and says what it read on stderr', () => {
    const out = runImport([`${designs}alb.json`, `${designs}asg.json`]);
    expect(out.code).toBe(0);
    const design = JSON.parse(out.stdout);
    expect(design.formatVersion).toBe(1);
    expect(out.stderr).toContain('read alb.json: the Berth design');
    expect(out.stderr).toContain('read asg.json: the Berth design');
  });

  it('refuses a file it cannot read with its name, and writes nothing to stdout', () => {
    const out = runImport([`${designs}nope.json`]);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/nope\.json: cannot be read/);
  });

  it('prints its usage for no file or an unknown option', () => {
    expect(runImport([]).stderr).toMatch(/^usage: npm run import/);
    expect(runImport(['--bogus', 'x.json']).code).toBe(2);
  });
});
