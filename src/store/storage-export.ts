import type { DesignDocument, RunRecord } from '../design';

/** What Export writes: the design with its run (seed, journal, moment), as the file Import opens. */
export function designFileText(design: DesignDocument, run: RunRecord): string {
  return `${JSON.stringify({ ...design, run }, null, 2)}\n`;
}

/** `web-cluster.berth.json`: the name Export gives the file. */
export function designFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'design'}.berth.json`;
}

/**
 * Download the design as a file, from the store: a notice that storage failed, or a link
 * too long to share, offers it without reaching into the toolbar.
 */
export function downloadDesignFile(design: DesignDocument, run: RunRecord): void {
  const url = URL.createObjectURL(
    new Blob([designFileText(design, run)], { type: 'application/json' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = designFileName(design.name);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: Chromium starts the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
