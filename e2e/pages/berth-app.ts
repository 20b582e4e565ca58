import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import LZString from 'lz-string';
import { Canvas } from './canvas';
import { Dock } from './dock';
import { ImportDialog } from './import-dialog';
import { Inspector } from './inspector';
import { Palette } from './palette';
import { Timeline } from './timeline';
import { WhyPanel } from './why-panel';

/** The whole app, as a person sees it: toolbar, palette, canvas, inspector, dock. */
export class BerthApp {
  readonly canvas: Canvas;
  readonly palette: Palette;
  readonly inspector: Inspector;
  readonly dock: Dock;
  readonly importDialog: ImportDialog;
  readonly why: WhyPanel;
  readonly timeline: Timeline;
  readonly designName: Locator;

  constructor(readonly page: Page) {
    this.canvas = new Canvas(page);
    this.palette = new Palette(page, this.canvas);
    this.inspector = new Inspector(page);
    this.dock = new Dock(page);
    this.importDialog = new ImportDialog(page);
    this.why = new WhyPanel(page);
    this.timeline = new Timeline(page);
    this.designName = page.getByTestId('toolbar.designName');
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await this.canvas.root.waitFor();
  }

  /** A share link to a design file in e2e/designs, as the Share button would make it. */
  static linkTo(design: string): string {
    return BerthApp.linkFor(BerthApp.designText(design));
  }

  static designText(design: string): string {
    return readFileSync(new URL(`../designs/${design}.json`, import.meta.url), 'utf8');
  }

  static linkFor(json: string): string {
    return `/#design=${LZString.compressToEncodedURIComponent(json)}`;
  }

  /** Open a fixture design the way a person opens a shared link. */
  async openDesign(design: string): Promise<void> {
    await this.page.goto(BerthApp.linkTo(design));
    await this.canvas.root.waitFor();
  }

  toolbar(action: 'new' | 'sample' | 'undo' | 'redo' | 'import' | 'export' | 'share'): Locator {
    return this.page.getByTestId(`toolbar.${action}`);
  }

  async newDesign(): Promise<void> {
    await this.toolbar('new').click();
  }
}
