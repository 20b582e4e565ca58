import type { Locator, Page } from '@playwright/test';

/** The timeline under the chart: playhead, marks, branches. */
export class Timeline {
  readonly rail: Locator;
  readonly playhead: Locator;
  readonly marks: Locator;
  readonly branch: Locator;
  readonly compare: Locator;

  constructor(private readonly page: Page) {
    this.rail = page.getByTestId('timeline');
    this.playhead = page.getByTestId('timeline.playhead');
    this.marks = page.getByTestId('timeline.mark');
    this.branch = page.getByTestId('timeline.branch');
    this.compare = page.getByTestId('timeline.compare');
  }

  /** Virtual ms the playhead shows. */
  async nowMs(): Promise<number> {
    return Number(await this.rail.getAttribute('data-now-ms'));
  }

  async endMs(): Promise<number> {
    return Number(await this.rail.getAttribute('data-end-ms'));
  }

  /** Drag the playhead to `fraction` of the rail's width, as a person would. */
  async dragTo(fraction: number): Promise<void> {
    const box = await this.rail.boundingBox();
    if (!box) throw new Error('the timeline is not on screen');
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width * 0.9, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width * fraction, y, { steps: 8 });
    await this.page.mouse.up();
  }

  marksOf(kind: string): Locator {
    return this.page.locator(`[data-testid="timeline.mark"][data-kind="${kind}"]`);
  }
}
