import type { Locator, Page } from '@playwright/test';

/** Below the canvas: transport, clock, chart, service counts and the event log. */
export class Dock {
  readonly playButton: Locator;
  readonly speed: Locator;
  readonly clock: Locator;
  readonly chart: Locator;
  readonly eventLog: Locator;

  constructor(private readonly page: Page) {
    this.playButton = page.getByTestId('dock.play');
    this.speed = page.getByTestId('dock.speed');
    this.clock = page.getByTestId('dock.clock');
    this.chart = page.getByTestId('dock.chart');
    this.eventLog = page.getByTestId('eventlog');
  }

  async play(speed?: number): Promise<void> {
    if (speed !== undefined) await this.speed.selectOption(String(speed));
    await this.playButton.click();
  }

  async pause(): Promise<void> {
    await this.playButton.click();
  }

  /** The stacked area of one lastStatus in the chart. */
  series(status: string): Locator {
    return this.chart.locator(`.series-${status}`);
  }

  /** The current count of one lastStatus beside the chart. */
  count(status: string): Locator {
    return this.page.getByTestId(`dock.chart.count.${status}`);
  }

  /** Step the run on by 10 s, `times` times. */
  async step10(times = 1): Promise<void> {
    for (let i = 0; i < times; i++) await this.page.getByTestId('dock.step10').click();
  }

  serviceRow(name: string): Locator {
    return this.page.getByTestId(`dock.service.${name}`);
  }
}
