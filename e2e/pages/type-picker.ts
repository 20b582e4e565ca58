import { expect, type Page } from '@playwright/test';

/** Pick an EC2 type in a searchable picker the way a person does: type, then click the match. */
export async function pickInstanceType(page: Page, testId: string, type: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(type);
  await page.getByTestId(`type-option.${type}`).click();
  await expect(input).toHaveValue(type);
}
