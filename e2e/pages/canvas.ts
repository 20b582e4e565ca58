import type { Locator, Page } from '@playwright/test';

/** The React Flow canvas: zone lanes, instance and service nodes, task chips. */
export class Canvas {
  readonly root: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('canvas');
  }

  /** A zone's lane; with two or more clusters, name the cluster whose frame holds it. */
  lane(az: string, cluster?: string): Locator {
    const lane = this.page.getByTestId(`canvas.lane.${az}`);
    return cluster ? lane.and(this.page.locator(`[data-cluster="${cluster}"]`)) : lane;
  }

  get servicesBand(): Locator {
    return this.page.getByTestId('canvas.services');
  }

  servicesBandOf(cluster: string): Locator {
    return this.servicesBand.and(this.page.locator(`[data-cluster="${cluster}"]`));
  }

  /** A cluster's labelled frame, around its band and lanes. */
  cluster(name: string): Locator {
    return this.page.getByTestId(`canvas.cluster.${name}`);
  }

  get clusters(): Locator {
    return this.root.locator('[data-testid^="canvas.cluster."]');
  }

  get instances(): Locator {
    return this.root.locator('[data-testid^="instance.i-"]');
  }

  get serviceNodes(): Locator {
    return this.root.locator('[data-testid^="service."][data-service-color]');
  }

  instance(id: string): Locator {
    return this.page.getByTestId(`instance.${id}`);
  }

  service(name: string): Locator {
    return this.page.getByTestId(`service.${name}`);
  }

  /** Select an instance by its header, clear of the task chips that open "Why here?". */
  async selectInstance(id: string): Promise<void> {
    await this.instance(id).locator('.node-title').click();
  }

  /** Chips on one instance, optionally only those in one lastStatus. */
  chipsOn(id: string, status?: string): Locator {
    const chips = this.instance(id).getByTestId('task-chip');
    return status ? chips.and(this.page.locator(`[data-status="${status}"]`)) : chips;
  }

  /** Chips of one service's tasks, wherever they run. */
  serviceChips(service: string): Locator {
    return this.root.locator(`[data-testid="task-chip"][data-service="${service}"]`);
  }

  /** The legend entry that says which stripe colour is which service. */
  serviceLegend(service: string): Locator {
    return this.page.getByTestId(`legend.service.${service}`);
  }

  /** The colour a chip's service stripe is painted in, as the browser computed it. */
  async stripeColor(chip: Locator): Promise<string> {
    const shadow = await chip.evaluate((el) => getComputedStyle(el).boxShadow);
    return shadow.match(/rgba?\([^)]*\)/)?.[0] ?? 'none';
  }

  /** The "N tasks not placed" badge of a service, which opens "Why not placed?". */
  unplacedBadge(service: string): Locator {
    return this.service(service).getByTestId('service.unplaced');
  }

  /** Chips on instances, optionally only those in one lastStatus. */
  taskChips(status?: string): Locator {
    const chips = this.root.getByTestId('task-chip');
    return status ? chips.and(this.page.locator(`[data-status="${status}"]`)) : chips;
  }

  /**
   * Drag `source` and let go over `target` at an offset inside it, as a person
   * would. Lanes ignore the pointer (the pane beneath pans), so the drop aims at
   * the canvas at the lane's place on screen.
   */
  async dropFrom(
    source: Locator,
    target: Locator,
    offset = { x: 120, y: 30 },
    options: { force?: boolean } = {},
  ): Promise<void> {
    const box = await target.boundingBox();
    const canvas = await this.root.boundingBox();
    if (!box || !canvas) throw new Error('canvas or drop target is not on screen');
    await source.dragTo(this.root, {
      ...options,
      targetPosition: { x: box.x - canvas.x + offset.x, y: box.y - canvas.y + offset.y },
    });
  }

  /**
   * Move a node already on the canvas by dragging its header (nodes move only
   * by their header), in small steps as React Flow needs.
   */
  async moveNode(node: Locator, target: Locator, offset = { x: 140, y: 80 }): Promise<void> {
    const from = await node.locator('.node-handle').boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('node or target is not on screen');
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x + offset.x, to.y + offset.y, { steps: 10 });
    await this.page.mouse.up();
  }

  /** Press on a node's body (below its header) and drag by `by` pixels. */
  async dragBody(node: Locator, by: { x: number; y: number }): Promise<void> {
    const body = await node.getByTestId('instance.memory').boundingBox();
    const box = body ?? (await node.boundingBox());
    if (!box) throw new Error('node is not on screen');
    const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move(start.x + by.x, start.y + by.y, { steps: 10 });
    await this.page.mouse.up();
  }

  /** The canvas pan and zoom, as React Flow's viewport transform. */
  async viewport(): Promise<{ x: number; y: number; zoom: number }> {
    return this.root.locator('.react-flow__viewport').evaluate((el) => {
      const m = new DOMMatrixReadOnly(getComputedStyle(el).transform);
      return { x: m.e, y: m.f, zoom: m.a };
    });
  }
}
