import type { Locator, Page } from '@playwright/test';
import { Canvas } from './canvas';
import { Dock } from './dock';
import { ImportDialog } from './import-dialog';
import { Inspector } from './inspector';
import { Palette } from './palette';

/** The whole app, as a person sees it: toolbar, palette, canvas, inspector, dock. */
export class BerthApp {
  readonly canvas: Canvas;
  readonly palette: Palette;
  readonly inspector: Inspector;
  readonly dock: Dock;
  readonly importDialog: ImportDialog;
  readonly designName: Locator;

  constructor(readonly page: Page) {
    this.canvas = new Canvas(page);
    this.palette = new Palette(page, this.canvas);
    this.inspector = new Inspector(page);
    this.dock = new Dock(page);
    this.importDialog = new ImportDialog(page);
    this.designName = page.getByTestId('toolbar.designName');
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await this.canvas.root.waitFor();
  }

  toolbar(action: 'new' | 'sample' | 'undo' | 'redo' | 'import' | 'export'): Locator {
    return this.page.getByTestId(`toolbar.${action}`);
  }

  async newDesign(): Promise<void> {
    await this.toolbar('new').click();
  }
}
