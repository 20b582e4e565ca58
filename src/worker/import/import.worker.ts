// First: the instance-type catalog the gate reads (instance types, ENI limits).
import '../../design/instance-catalog/install';
import * as Comlink from 'comlink';
import { parse as parseYaml } from 'yaml';
import { installYamlReader } from '../../design';
import { createImportApi } from './import-api';

// The gate reads AppSpecs written in YAML synchronously; here the reader is always in.
installYamlReader((text) => parseYaml(text, { prettyErrors: false }));

// Reads, converts and checks what a person imports, off the page's thread: a 10 MB design
// costs the gate over a second in Chromium, which on the page would freeze it.
Comlink.expose(createImportApi(), self);
