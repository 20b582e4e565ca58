import { parse as parseYaml } from 'yaml';

export type TextResult = { ok: true; value: unknown } | { ok: false; message: string };

/** JSON, else YAML (CloudFormation templates and Copilot manifests); never throws. */
export function parseDocumentText(text: string): TextResult {
  if (text.trim() === '') return { ok: false, message: 'is empty' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (jsonError) {
    const trimmed = text.trimStart();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      const why = jsonError instanceof Error ? jsonError.message : String(jsonError);
      return { ok: false, message: `is not valid JSON: ${why}` };
    }
  }
  try {
    return { ok: true, value: parseYaml(text) };
  } catch (yamlError) {
    const why = yamlError instanceof Error ? yamlError.message.split('\n')[0] : String(yamlError);
    return { ok: false, message: `is neither JSON nor YAML: ${why}` };
  }
}
