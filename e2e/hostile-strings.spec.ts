import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { BerthApp } from './pages/berth-app';

// Every string in a design is text. Each string of a few rich designs (services, load
// balancers, Auto Scaling groups and capacity providers, alarms, CodeDeploy, discovery)
// is made markup in its turn: where the gate refuses it, the refusal quotes it as text;
// where the gate takes it, the design with all such strings at once opens by paste and by
// link, plays, and is walked through every panel. Nothing it says may become an element:
// no handler runs (window.__pwned), no element with a handler or an <img src=x> is ever
// added (a MutationObserver from before the first script), and the page's CSP, which
// would refuse an inline handler, reports nothing (the fixture checks that).

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];

/** Breaks out of a quoted attribute, then tries two elements with handlers. */
function hostile(n: number): string {
  return n % 2 === 0
    ? `"'><img src=x onerror=window.__pwned=${n}>`
    : `"'><svg onload=window.__pwned=${n}><b>${n}</b></svg>`;
}

const DESIGNS = ['scaling-spike', 'codedeploy', 'alarm-rollback', 'discovery'] as const;

/** Fields the gate must take as free text: if one is refused, the gate lost a feature. */
const FREE_TEXT: readonly string[] = ['name'];

function stringLeaves(value: Json, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

function withString(design: Json, path: Path, text: string): Json {
  const copy = structuredClone(design);
  let at: Json = copy;
  for (const key of path.slice(0, -1)) at = (at as Record<string | number, Json>)[key] as Json;
  (at as Record<string | number, Json>)[path[path.length - 1]!] = text;
  return copy;
}

const pathText = (path: Path) =>
  path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');

interface MarkupWindow {
  __pwned?: unknown;
  __made?: string[];
}

/** Before any script of the page: note every element added with a handler or src=x. */
async function watchForMarkup(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const made: string[] = [];
    (window as MarkupWindow).__made = made;
    const suspect = (el: Element) =>
      el.getAttributeNames().some((a) => a.toLowerCase().startsWith('on')) ||
      (el.tagName === 'IMG' && el.getAttribute('src') === 'x');
    const check = (node: Node) => {
      if (!(node instanceof Element)) return;
      for (const el of [node, ...node.querySelectorAll('*')])
        if (suspect(el)) made.push(el.outerHTML.slice(0, 120));
    };
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes') check(r.target);
        for (const n of r.addedNodes) check(n);
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
}

async function expectNoMarkup(page: Page, where: string): Promise<void> {
  const seen = await page.evaluate(() => {
    const w = window as MarkupWindow;
    return {
      pwned: w.__pwned,
      made: w.__made ?? [],
      now: document.querySelectorAll('img[src="x"], [onerror], [onload]').length,
    };
  });
  expect(seen, `markup from the design (${where})`).toEqual({
    pwned: undefined,
    made: [],
    now: 0,
  });
}

type Outcome = 'refused' | 'opened';

/** Paste a design; wait for the gate's answer (a refusal, or the design open). */
async function importOnce(app: BerthApp, json: string): Promise<Outcome> {
  await app.importDialog.paste(json);
  const done = app.page.getByTestId('import.done');
  let outcome: Outcome | undefined;
  await expect
    .poll(async () => {
      if (await app.importDialog.errors.isVisible()) outcome = 'refused';
      else if (await done.isVisible()) {
        await done.click();
        outcome = 'opened';
      } else if (await app.importDialog.root.isHidden()) outcome = 'opened';
      return outcome;
    })
    .toBeDefined();
  return outcome!;
}

/**
 * A refusal lists what it objects to, as text. Where it quotes the string, it quotes it as
 * written (or JSON-quoted); a rule that lists the allowed values, or a reference the change
 * broke elsewhere, need not quote it, and those are noted on the test.
 */
async function expectRefusal(errors: Locator, text: string, where: string): Promise<void> {
  await expect(errors.locator('li').first()).toBeVisible();
  const shown = (await errors.textContent()) ?? '';
  const quoted = JSON.stringify(text).slice(1, -1);
  if (!shown.includes(text) && !shown.includes(quoted))
    test
      .info()
      .annotations.push({ type: 'refused without quoting', description: `${where}: ${shown}` });
}

/** Which strings the gate takes as free text, each alone; the refusals checked on the way. */
async function classify(app: BerthApp, design: Json): Promise<Path[]> {
  const accepted: Path[] = [];
  const leaves = stringLeaves(design);
  for (const [i, path] of leaves.entries()) {
    const text = hostile(i);
    const outcome = await importOnce(app, JSON.stringify(withString(design, path, text)));
    if (outcome === 'refused') {
      await expectRefusal(app.importDialog.errors, text, pathText(path));
      await app.importDialog.cancel();
    } else accepted.push(path);
    await expectNoMarkup(app.page, pathText(path));
  }
  return accepted;
}

/**
 * The design with every string the gate took alone made markup at once. Strings taken
 * alone may still clash together (two references that must agree): then they are added
 * one by one, each kept where the gate still takes the whole.
 */
async function hostileDesign(
  app: BerthApp,
  design: Json,
  accepted: readonly Path[],
): Promise<Json> {
  const all = accepted.reduce((d, path, i) => withString(d, path, hostile(1000 + i)), design);
  if ((await importOnce(app, JSON.stringify(all))) === 'opened') return all;
  await app.importDialog.cancel();
  let out = design;
  for (const [i, path] of accepted.entries()) {
    const next = withString(out, path, hostile(1000 + i));
    if ((await importOnce(app, JSON.stringify(next))) === 'opened') out = next;
    else await app.importDialog.cancel();
  }
  return out;
}

/** Click each node on the canvas, then each AWS JSON tab its inspector offers. */
async function walkCanvas(app: BerthApp): Promise<void> {
  const page = app.page;
  const nodes = app.canvas.root.locator('.react-flow__node');
  const count = await nodes.count();
  for (let i = 0; i < count; i++) {
    const node = nodes.nth(i);
    if (!(await node.isVisible())) continue;
    const title = node.locator('.node-title').first();
    const target = (await title.count()) > 0 ? title : node;
    await target.click({ position: { x: 8, y: 8 }, timeout: 5_000 }).catch(() => undefined);
    const tabs = page.locator('[data-testid^="inspector.aws.tab."]');
    for (let t = 0; t < (await tabs.count()); t++) {
      await tabs.nth(t).click();
      await expect(app.inspector.json).toBeVisible();
    }
    await expectNoMarkup(page, `node ${i}`);
  }
  // Task chips open "Why here?".
  const chip = app.canvas.taskChips().first();
  if (await chip.isVisible()) {
    await chip.click();
    await expect(app.why.root).toBeVisible();
    await expectNoMarkup(page, 'why here');
    await app.why.close().catch(() => undefined);
  }
  await page.keyboard.press('Escape');
  await app.canvas.root.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
}

/** Everything around the canvas: dock, charts, event log, dialogs, export, share. */
async function walkPanels(app: BerthApp): Promise<void> {
  const page = app.page;
  // Nothing selected: the design overview in the inspector.
  await expect(app.inspector.root).toBeVisible();
  await expectNoMarkup(page, 'design overview');

  await app.dock.play(10);
  await app.page.waitForTimeout(2_000);
  await app.dock.pause();
  await expect(app.dock.eventLog).toBeVisible();
  const more = app.dock.eventLog.getByTestId('eventlog.more');
  if ((await more.count()) > 0) await more.first().click();
  // Each chart mode, and each service or listener a chart offers.
  const mode = page.getByTestId('chart.mode');
  if (await mode.isVisible()) {
    for (const value of await mode
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))) {
      await mode.selectOption(value);
      for (const id of ['chart.deploymentService', 'chart.scalingService', 'chart.listener']) {
        const pick = page.getByTestId(id);
        if (await pick.isVisible()) {
          const values = await pick
            .locator('option')
            .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
          for (const v of values) await pick.selectOption(v);
        }
      }
      await expectNoMarkup(page, `chart ${value}`);
    }
  }
  const scaling = page.getByTestId('scaling.open');
  if (await scaling.isVisible()) {
    await scaling.click();
    await expect(page.getByTestId('scaling.panel')).toBeVisible();
    await expectNoMarkup(page, 'scaling panel');
    await page.getByTestId('scaling.close').click();
  }

  await page.getByTestId('toolbar.designs').click();
  // Saved under its own (hostile) name, then listed.
  await page.getByTestId('designs.saveAs').click();
  await expect(page.getByTestId('designs.row').first()).toBeVisible();
  await expectNoMarkup(page, 'designs dialog');
  await page.getByTestId('designs.close').click();

  await page.getByTestId('toolbar.exportMenu').click();
  await expect(page.getByTestId('export.menu')).toBeVisible();
  await expectNoMarkup(page, 'export menu');
  await page.keyboard.press('Escape');

  await app.toolbar('share').click();
  await expect(page.getByTestId('share.link')).toBeVisible();
  await expectNoMarkup(page, 'share');
  await page.getByTestId('share.close').click();

  await page.getByTestId('toolbar.presenter').click();
  await expectNoMarkup(page, 'presenter');
  await page.getByTestId('toolbar.presenter').click();
}

test.describe('every string of a design is text', () => {
  test.describe.configure({ timeout: 240_000 });
  test.use({ actionTimeout: 10_000 });

  for (const name of DESIGNS) {
    test(`${name}: each string as markup, refused as text or shown as text`, async ({ page }) => {
      await watchForMarkup(page);
      const app = new BerthApp(page);
      await app.open();
      const design = JSON.parse(BerthApp.designText(name)) as Json;
      const accepted = await classify(app, design);
      const acceptedText = accepted.map(pathText);
      for (const field of FREE_TEXT) expect(acceptedText).toContain(`.${field}`);

      const json = JSON.stringify(await hostileDesign(app, design, accepted));
      expect(json).toContain('__pwned=1000');
      expect(await importOnce(app, json)).toBe('opened');
      await walkCanvas(app);
      await walkPanels(app);
      await expectNoMarkup(page, 'after the walk by paste');

      // The same design by a shared link, played and walked again.
      await page.goto(BerthApp.linkFor(json));
      await app.canvas.root.waitFor();
      await walkCanvas(app);
      await app.dock.play(10);
      await page.waitForTimeout(2_000);
      await app.dock.pause();
      await expectNoMarkup(page, 'after the walk by link');
    });
  }
});
