// First: the instance-type catalog every design lookup reads.
import '../design/instance-catalog/install';
import * as Comlink from 'comlink';
import { parse as parseYaml } from 'yaml';
import { installYamlReader } from '../design';
import { createSimApi } from './sim-api';
import { TEST_WORKER_NAME } from './test-faults';

// AppSpecs written in YAML are read synchronously as a CreateDeployment applies. Installed
// before expose, not awaited: comlink's first message must find the worker listening.
installYamlReader((text) => parseYaml(text, { prettyErrors: false }));

// The worker owns exactly one simulation; the page drives it through this object. Test
// faults only for the worker the e2e suite's page starts (test-faults.ts).
Comlink.expose(createSimApi({ testFaults: self.name === TEST_WORKER_NAME }), self);
