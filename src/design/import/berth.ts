import type { DesignFragment, Importer } from './fragment';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A Berth design (or a Berth file with its run) among other documents: its resources
 * merge like any import's; the gate checks the whole result. Opened on its own, the
 * pipeline opens it as itself instead.
 */
export const berthDesignImporter: Importer = {
  kind: 'berth-design',
  recognises: (doc) => isObject(doc) && 'formatVersion' in doc,
  read(doc) {
    if (!isObject(doc))
      return { ok: false, issues: [{ path: '(document)', message: 'expected a JSON object' }] };
    const { formatVersion: _v, run: _run, ...fragment } = doc;
    const name = typeof doc.name === 'string' ? doc.name : 'a Berth design';
    return {
      ok: true,
      kind: 'berth-design',
      label: `the Berth design “${name}”`,
      fragment: fragment as DesignFragment,
      warnings: [],
    };
  },
};
