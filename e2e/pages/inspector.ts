import type { Locator, Page } from '@playwright/test';

/** The inspector: forms for the selected resource and its JSON. */
export class Inspector {
  readonly root: Locator;
  readonly desiredCount: Locator;
  readonly json: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('inspector');
    this.desiredCount = page.getByTestId('inspector.desiredCount');
    this.json = page.getByTestId('inspector.json');
  }

  /** Type a count and press Enter, as the field commits on Enter or blur. */
  async setDesiredCount(count: number | string): Promise<void> {
    await this.desiredCount.fill(String(count));
    await this.desiredCount.press('Enter');
  }
}
