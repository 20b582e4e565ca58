import type { Command, DesignDocument } from '../../design';
import type { ActionResult, EcsEvent, Frame, ServiceEventView } from '../api';
import { createSimulation, type Simulation } from '../simulation';

/** A chainable run: `simulate(d).until(minutes(1)).apply(cmd).until(minutes(2))`. */
export class Run {
  readonly sim: Simulation;
  readonly frames: Frame[] = [];
  readonly results: ActionResult[] = [];

  constructor(design: DesignDocument, seed?: number) {
    this.sim = createSimulation(design, seed ?? design.seed);
  }

  until(ms: number, stepMs = ms): this {
    for (let t = Math.min(this.sim.nowMs + stepMs, ms); ; t = Math.min(t + stepMs, ms)) {
      this.frames.push(this.sim.advance(t));
      if (t >= ms) break;
    }
    return this;
  }

  apply(command: Command): this {
    this.results.push(this.sim.apply(command));
    return this;
  }

  get events(): EcsEvent[] {
    return this.frames.flatMap((f) => f.events);
  }

  get serviceMessages(): string[] {
    return this.frames.flatMap((f) => f.serviceEvents).map((e: ServiceEventView) => e.message);
  }

  tasks(filter: { lastStatus?: string; serviceName?: string } = {}) {
    return this.sim
      .snapshot()
      .tasks.filter(
        (t) =>
          (filter.lastStatus === undefined || t.lastStatus === filter.lastStatus) &&
          (filter.serviceName === undefined || t.serviceName === filter.serviceName),
      );
  }
}

export function simulate(design: DesignDocument, seed?: number): Run {
  return new Run(design, seed);
}
