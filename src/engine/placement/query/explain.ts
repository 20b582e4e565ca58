import { type QueryNode, type Subject, subjectText } from '../../../design/query';
import type { CandidateInstance } from '../types';

// Why a query was false for an instance: the instance's value of every
// subject the query reads, e.g. 'ecs.instance-type is t3.micro'. Built only
// for rejected instances, so it may allocate.

export function explainQuery(node: QueryNode, instance: CandidateInstance): string {
  const subjects = new Map<string, Subject>();
  collectSubjects(node, subjects);
  return [...subjects.values()].map((s) => describeSubject(s, instance)).join(', ');
}

function collectSubjects(node: QueryNode, into: Map<string, Subject>): void {
  if (node.kind === 'compare') into.set(subjectText(node.subject), node.subject);
  else if (node.kind === 'not') collectSubjects(node.operand, into);
  else for (const operand of node.operands) collectSubjects(operand, into);
}

function describeSubject(subject: Subject, instance: CandidateInstance): string {
  switch (subject.kind) {
    case 'attribute': {
      const value = instance.attributes[subject.name];
      if (value === undefined) return `${subject.name} is not set`;
      return value === ''
        ? `${subject.name} is set without a value`
        : `${subject.name} is ${value}`;
    }
    case 'agentConnected':
      return `agentConnected is ${instance.agentConnected}`;
    case 'agentVersion':
      return `agentVersion is ${instance.agentVersion}`;
    case 'ec2InstanceId':
      return `ec2InstanceId is ${instance.ec2InstanceId}`;
    case 'registeredAt':
      return `registeredAt is ${new Date(instance.registeredAtMs).toISOString()}`;
    case 'runningTasksCount':
      return `runningTasksCount is ${instance.runningTasksCount}`;
    case 'taskGroup': {
      const groups = Object.keys(instance.taskGroupCounts).filter(
        (g) => (instance.taskGroupCounts[g] ?? 0) > 0,
      );
      return groups.length === 0 ? 'no tasks here' : `task groups here: ${groups.join(', ')}`;
    }
  }
}
