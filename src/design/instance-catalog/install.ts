import { installInstanceCatalog } from '../instance-types';
import { CATALOG } from './catalog.generated';

/**
 * For Node entries and the worker, where a static import costs nothing the page
 * pays for: importing this module installs the catalog.
 */
installInstanceCatalog(CATALOG);
