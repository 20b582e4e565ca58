export { type ExportFile, exportFiles } from './files';
export { createServiceInput, defaultSubnetsOf } from './service';
export {
  RESPONSE_ONLY_TASK_DEFINITION_FIELDS,
  registerTaskDefinitionInput,
} from './task-definition';
