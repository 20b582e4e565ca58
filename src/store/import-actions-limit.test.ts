import { describe, expect, it } from 'vitest';
import { formatSize, IMPORT_LIMIT_BYTES, progressText, sizeIssues } from './import-actions-limit';

const MB = 1024 * 1024;

describe('the import size limit', () => {
  it('is 32 MB, three times the 10 MB design the import is tested with', () => {
    expect(IMPORT_LIMIT_BYTES).toBe(32 * MB);
  });

  it('names the file and its size', () => {
    expect(sizeIssues([{ name: 'design.json', bytes: 64.3 * MB }])).toEqual([
      { path: 'design.json', message: 'is 64.3 MB; Berth imports up to 32 MB' },
    ]);
  });

  it('names a pasted text as the document', () => {
    expect(sizeIssues([{ bytes: 40 * MB }])[0]?.path).toBe('(document)');
  });

  it('lets 10 MB and exactly the limit through', () => {
    expect(sizeIssues([{ name: 'a.json', bytes: 10 * MB }])).toEqual([]);
    expect(sizeIssues([{ bytes: IMPORT_LIMIT_BYTES }])).toEqual([]);
  });

  it('refuses several files over the limit together', () => {
    const files = [20, 20].map((n, i) => ({ name: `${i}.json`, bytes: n * MB }));
    expect(sizeIssues(files)).toEqual([
      {
        path: '(documents)',
        message: '2 files are 40 MB together; Berth imports up to 32 MB at once',
      },
    ]);
  });

  it('formats sizes as a file manager does', () => {
    expect(formatSize(10.3 * MB)).toBe('10.3 MB');
    expect(formatSize(32 * MB)).toBe('32 MB');
    expect(formatSize(512 * 1024)).toBe('512 KB');
    expect(formatSize(12)).toBe('1 KB');
  });
});

describe('the progress line', () => {
  it('words each phase', () => {
    expect(progressText({ phase: 'reading', fraction: 0, bytes: 10.25 * MB, sources: 1 })).toBe(
      'Reading 10.3 MB…',
    );
    expect(progressText({ phase: 'checking', fraction: 0.1, bytes: 2 * MB, sources: 3 })).toBe(
      'Checking 3 files, 2 MB…',
    );
    const counts = { instances: 150, taskDefinitions: 2310, services: 1 };
    expect(progressText({ phase: 'checked', fraction: 0.8, ...counts })).toBe(
      'Checked 150 instances, 2,310 task definitions and 1 service.',
    );
    expect(progressText({ phase: 'opening', fraction: 0.9, ...counts })).toBe(
      'Opening 150 instances, 2,310 task definitions and 1 service…',
    );
  });
});
