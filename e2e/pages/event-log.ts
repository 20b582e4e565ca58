import type { Locator, Page } from '@playwright/test';

/** The dock's service events, newest first, in ECS's words. */
export class EventLog {
  readonly root: Locator;
  readonly items: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('eventlog');
    this.items = this.root.getByTestId('eventlog.item');
  }

  /** The event whose message contains `text`. */
  item(text: string | RegExp): Locator {
    return this.items.filter({ hasText: text });
  }

  message(item: Locator): Locator {
    return item.getByTestId('eventlog.message');
  }

  /** The "+N more" / "show fewer" button of a message that lists many tasks. */
  toggle(item: Locator): Locator {
    return item.getByTestId('eventlog.more');
  }
}
