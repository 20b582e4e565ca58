import type { Locator, Page } from '@playwright/test';

/** The import dialog: paste JSON or choose a file; objections listed by path. */
export class ImportDialog {
  readonly root: Locator;
  readonly text: Locator;
  readonly errors: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('import');
    this.text = page.getByTestId('import.text');
    this.errors = page.getByTestId('import.errors');
  }

  async paste(json: string): Promise<void> {
    await this.page.getByTestId('toolbar.import').click();
    await this.text.fill(json);
    await this.page.getByTestId('import.submit').click();
  }

  async chooseFile(name: string, json: string): Promise<void> {
    await this.page.getByTestId('toolbar.import').click();
    await this.page.getByTestId('import.file').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(json),
    });
  }

  async cancel(): Promise<void> {
    await this.page.getByTestId('import.cancel').click();
  }
}
