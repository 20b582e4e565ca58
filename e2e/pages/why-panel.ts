import type { Locator, Page } from '@playwright/test';

/** The "Why here?" / "Why not placed?" panel in the inspector, and the bar above the canvas. */
export class WhyPanel {
  readonly root: Locator;
  readonly title: Locator;
  readonly summary: Locator;
  readonly consoleSentence: Locator;
  readonly closestMatch: Locator;
  readonly counts: Locator;
  readonly placed: Locator;
  readonly strategies: Locator;
  readonly tieBreak: Locator;
  readonly nothingWaits: Locator;
  readonly bar: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('why');
    this.title = this.root.locator('.why-title');
    this.summary = page.getByTestId('why.summary');
    this.consoleSentence = page.getByTestId('why.console');
    this.closestMatch = page.getByTestId('why.closest');
    this.counts = page.getByTestId('why.count');
    this.placed = page.getByTestId('why.placed');
    this.strategies = page.getByTestId('why.strategy');
    this.tieBreak = page.getByTestId('why.tieBreak');
    this.nothingWaits = page.getByTestId('why.none');
    this.bar = page.getByTestId('explain.bar');
  }

  /** The row of one instance in the reason table; `data-verdict` says how it fared. */
  instanceRow(id: string): Locator {
    return this.page.getByTestId(`why.instance.${id}`);
  }

  async close(): Promise<void> {
    await this.page.getByTestId('explain.close').click();
  }
}
