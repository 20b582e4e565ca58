export { type CloudFormationTemplate, cloudFormationTemplate } from './template';
