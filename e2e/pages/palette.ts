import type { Locator, Page } from '@playwright/test';
import type { Canvas } from './canvas';
import { pickInstanceType } from './type-picker';

export interface ServiceForm {
  family?: string;
  image?: string;
  cpu?: number;
  memoryMiB?: number;
  desiredCount?: number;
  networkMode?: 'bridge' | 'host' | 'awsvpc';
  hostPort?: number;
  scheduling?: 'REPLICA' | 'DAEMON';
}

/** The palette: pick an instance type or fill the service form, then drag onto the canvas. */
export class Palette {
  readonly instanceCard: Locator;
  readonly serviceCard: Locator;

  constructor(
    private readonly page: Page,
    private readonly canvas: Canvas,
  ) {
    this.instanceCard = page.getByTestId('palette.instance');
    this.serviceCard = page.getByTestId('palette.service');
  }

  /** Drop an instance into a zone lane (of `cluster`'s frame, when the design has several). */
  async dragInstanceInto(az: string, instanceType?: string, cluster?: string): Promise<void> {
    if (instanceType) await pickInstanceType(this.page, 'palette.instanceType', instanceType);
    await this.canvas.dropFrom(this.instanceCard, this.canvas.lane(az, cluster));
  }

  /** Why the service card cannot be added now, when a field shows an error. */
  get serviceBlocked(): Locator {
    return this.page.getByTestId('palette.service.blocked');
  }

  async fillService(form: ServiceForm): Promise<void> {
    // Scheduling first: DAEMON hides the desired count.
    if (form.scheduling)
      await this.page.getByTestId('palette.service.scheduling').selectOption(form.scheduling);
    if (form.networkMode)
      await this.page.getByTestId('palette.service.networkMode').selectOption(form.networkMode);
    const fields: [keyof ServiceForm, string][] = [
      ['family', 'palette.service.family'],
      ['image', 'palette.service.image'],
      ['cpu', 'palette.service.cpu'],
      ['memoryMiB', 'palette.service.memory'],
      ['desiredCount', 'palette.service.desiredCount'],
      ['hostPort', 'palette.service.hostPort'],
    ];
    for (const [key, testId] of fields) {
      const value = form[key];
      if (value !== undefined) await this.page.getByTestId(testId).fill(String(value));
    }
  }

  async dragServiceOntoCanvas(form: ServiceForm = {}): Promise<void> {
    await this.fillService(form);
    await this.canvas.dropFrom(this.serviceCard, this.canvas.servicesBand, { x: 160, y: 70 });
  }
}
