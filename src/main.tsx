import { loadInstanceCatalog } from './design/instance-catalog/load';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// The 1,383-type catalog is its own chunk: fetched first, then the app, which opens a
// design through the gate (and the gate looks instance types up in it).
void loadInstanceCatalog()
  .then(() => import('./boot'))
  .then(({ boot }) => boot(root));
