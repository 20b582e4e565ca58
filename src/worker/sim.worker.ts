// First: the instance-type catalog every design lookup reads.
import '../design/instance-catalog/install';
import * as Comlink from 'comlink';
import { createSimApi } from './sim-api';

// The worker owns exactly one simulation; the page drives it through this object.
Comlink.expose(createSimApi(), self);
