import type { Locator, Page } from '@playwright/test';
import { pickInstanceType } from './type-picker';

export type InstanceStatus = 'ACTIVE' | 'DRAINING';

/** The inspector: forms for the selected resource and its JSON. */
export class Inspector {
  readonly root: Locator;
  readonly desiredCount: Locator;
  readonly json: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('inspector');
    this.desiredCount = page.getByTestId('inspector.desiredCount');
    this.json = page.getByTestId('inspector.json');
  }

  /** Type a count and press Enter, as the field commits on Enter or blur. */
  async setDesiredCount(count: number | string): Promise<void> {
    await this.desiredCount.fill(String(count));
    await this.desiredCount.press('Enter');
  }

  /** Add a custom attribute in the instance inspector; it reaches the run as PutAttributes. */
  async addAttribute(name: string, value: string): Promise<void> {
    await this.page.getByTestId('inspector.attribute.new.name').fill(name);
    await this.page.getByTestId('inspector.attribute.new.value').fill(value);
    await this.page.getByTestId('inspector.attribute.add').click();
  }

  attribute(name: string): Locator {
    return this.page.getByTestId(`inspector.attribute.${name}`);
  }

  async setStatus(status: InstanceStatus): Promise<void> {
    await this.page.getByTestId(`inspector.status.${status}`).click();
  }

  async setInstanceType(type: string): Promise<void> {
    await pickInstanceType(this.page, 'inspector.instanceType', type);
  }

  /** The expression field of the service's n-th placement constraint. */
  constraintExpression(index: number): Locator {
    return this.page.getByTestId(`inspector.constraint.${index}.expression`);
  }

  /** Type an expression, which is checked as typed; Enter applies it when it parses. */
  async typeConstraint(index: number, expression: string, apply = false): Promise<void> {
    const field = this.constraintExpression(index);
    await field.fill(expression);
    if (apply) await field.press('Enter');
  }
}
