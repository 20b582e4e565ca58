import { memo, useMemo, useState } from 'react';
import {
  type CreateServiceInput,
  clusterNameOf,
  type DesignDocument,
  type DesignIssue,
  resolveTaskDefinition,
  taskDefinitionRevisions,
} from '../../design';
import { createServiceInput, registerTaskDefinitionInput } from '../../design/export/ecs';
import { applyServiceJson, applyTaskDefinitionJson } from '../../store/json-actions';
import { showNotice } from '../../store/session';
import { downloadText } from '../app/download';
import './aws-inputs.css';

type Tab = 'taskDefinition' | 'service';

function Issues({
  issues,
  tone,
  testId,
}: {
  issues: readonly DesignIssue[];
  tone: string;
  testId: string;
}) {
  if (issues.length === 0) return null;
  return (
    <ul
      className={`aws-json-issues ${tone}`}
      data-testid={testId}
      role={tone === 'error' ? 'alert' : 'status'}
    >
      {issues.map((i) => (
        <li key={`${i.path}:${i.message}`}>
          <code>{i.path}</code> {i.message}
        </li>
      ))}
    </ul>
  );
}

/**
 * The AWS inputs behind the service's forms, exactly as Export writes them: the task
 * definition `register-task-definition --cli-input-json` takes and the service
 * `create-service` takes. Copy, download, or edit them as JSON; the forms follow, and
 * during a run an edit is the operation it stands for.
 */
export const AwsInputs = memo(function AwsInputs({
  design,
  service,
}: {
  design: DesignDocument;
  service: CreateServiceInput;
}) {
  const [tab, setTab] = useState<Tab>('service');
  const [draft, setDraft] = useState<string | null>(null);
  const [issues, setIssues] = useState<readonly DesignIssue[]>([]);
  const [warnings, setWarnings] = useState<readonly DesignIssue[]>([]);
  const revision = useMemo(
    () => resolveTaskDefinition(taskDefinitionRevisions(design), service.taskDefinition),
    [design, service.taskDefinition],
  );
  const { text, file } = useMemo(() => {
    if (tab === 'service') {
      const input = createServiceInput(design, service);
      return {
        text: JSON.stringify(input, null, 2),
        file: `${clusterNameOf(design, service.cluster)}-${service.serviceName}.json`,
      };
    }
    if (!revision) return { text: '', file: '' };
    return {
      text: JSON.stringify(registerTaskDefinitionInput(revision.input), null, 2),
      file: `${revision.family}-${revision.revision}.json`,
    };
  }, [tab, design, service, revision]);

  const choose = (next: Tab) => {
    setTab(next);
    setDraft(null);
    setIssues([]);
  };
  const apply = () => {
    if (draft === null) return;
    const edit =
      tab === 'service'
        ? applyServiceJson(service.serviceName, draft)
        : applyTaskDefinitionJson(service.serviceName, draft);
    setIssues(edit.issues);
    setWarnings(edit.warnings);
    if (edit.issues.length === 0) setDraft(null);
  };
  const copy = () =>
    navigator.clipboard
      .writeText(text)
      .then(() => showNotice(`Copied ${file}.`))
      .catch(() => showNotice('The browser did not allow copying; use Download.', 'error'));

  return (
    <section className="aws-json" data-testid="inspector.aws">
      <div className="aws-json-tabs" role="tablist" aria-label="AWS input">
        {(
          [
            ['service', 'Service'],
            ['taskDefinition', 'Task definition'],
          ] as const
        ).map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={tab === id ? 'selected' : ''}
            data-testid={`inspector.aws.tab.${id}`}
            onClick={() => choose(id)}
          >
            {label}
          </button>
        ))}
        <span className="aws-json-file" title="What Export writes">
          {file}
        </span>
      </div>
      {draft === null ? (
        <pre data-testid="inspector.json">{text}</pre>
      ) : (
        <textarea
          className="aws-json-edit"
          data-testid="inspector.aws.edit"
          value={draft}
          spellCheck={false}
          onChange={(e) => setDraft(e.target.value)}
          rows={Math.min(30, Math.max(10, draft.split('\n').length))}
        />
      )}
      <Issues issues={issues} tone="error" testId="inspector.aws.errors" />
      <Issues issues={warnings} tone="warning" testId="inspector.aws.warnings" />
      <div className="aws-json-actions">
        {draft === null ? (
          <>
            <button
              type="button"
              className="button small"
              onClick={() => setDraft(text)}
              data-testid="inspector.aws.editButton"
            >
              Edit JSON
            </button>
            <button
              type="button"
              className="button small"
              onClick={copy}
              data-testid="inspector.aws.copy"
            >
              Copy
            </button>
            <button
              type="button"
              className="button small"
              onClick={() => downloadText(file, `${text}\n`)}
              data-testid="inspector.aws.download"
            >
              Download
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="button small primary"
              onClick={apply}
              data-testid="inspector.aws.apply"
            >
              Apply
            </button>
            <button
              type="button"
              className="button small"
              onClick={() => {
                setDraft(null);
                setIssues([]);
              }}
              data-testid="inspector.aws.cancel"
            >
              Cancel
            </button>
          </>
        )}
      </div>
    </section>
  );
});
