/** Consistency findings as a list the clerk can work through. */
import type { CheckFinding } from '../checks/check-finding.js';

const LEVEL = { error: '错误', warning: '提示' } as const;

export function formatCheck(findings: readonly CheckFinding[]): string {
  if (findings.length === 0) return '检查完毕：未发现问题。';
  const errors = findings.filter((f) => f.level === 'error').length;
  return [
    ...findings.map((f) => `[${LEVEL[f.level]}] ${f.message}（${f.code}）`),
    '',
    `检查完毕：错误${errors}项，提示${findings.length - errors}项。`,
  ].join('\n');
}
