import { Field } from '../forms/Field';
import { containerCpu, containerMemory, ecsName, imageRef } from '../forms/validate';

export interface ContainerValues {
  family: string;
  image: string;
  cpu: number;
  memoryMiB: number;
}

/** The field labels, as blockers name them ("Fix CPU units to ..."). */
export type ContainerField = 'Family' | 'Container image' | 'CPU units' | 'Memory MiB';

/**
 * The task definition a palette card registers: family, image, CPU and memory. The
 * service and standalone-task cards share it, so both validate and name fields alike.
 */
export function ContainerFields({
  values,
  testIdPrefix,
  familyHint,
  onCommit,
  onErrorChange,
}: {
  values: ContainerValues;
  /** `palette.service` gives `palette.service.family`, `.image`, `.cpu`, `.memory`. */
  testIdPrefix: string;
  familyHint?: string;
  onCommit: (change: Partial<ContainerValues>) => void;
  onErrorChange: (field: ContainerField, error: string | undefined) => void;
}) {
  return (
    <>
      <Field
        label="Family"
        value={values.family}
        validate={ecsName}
        onCommit={(family) => onCommit({ family })}
        commitOn="change"
        testId={`${testIdPrefix}.family`}
        {...(familyHint ? { hint: familyHint } : {})}
        onErrorChange={(error) => onErrorChange('Family', error)}
      />
      <Field
        label="Container image"
        value={values.image}
        validate={imageRef}
        onCommit={(image) => onCommit({ image })}
        commitOn="change"
        testId={`${testIdPrefix}.image`}
        onErrorChange={(error) => onErrorChange('Container image', error)}
      />
      <div className="field-row">
        <Field
          label="CPU units"
          inputMode="numeric"
          value={values.cpu}
          validate={containerCpu}
          onCommit={(cpu) => onCommit({ cpu })}
          commitOn="change"
          testId={`${testIdPrefix}.cpu`}
          onErrorChange={(error) => onErrorChange('CPU units', error)}
        />
        <Field
          label="Memory MiB"
          inputMode="numeric"
          value={values.memoryMiB}
          validate={containerMemory}
          onCommit={(memoryMiB) => onCommit({ memoryMiB })}
          commitOn="change"
          testId={`${testIdPrefix}.memory`}
          onErrorChange={(error) => onErrorChange('Memory MiB', error)}
        />
      </div>
    </>
  );
}
