/** Consistency findings as a list the clerk can work through: each by its sentence (the check's code stays in --json). */
import { describeCheck } from '../checks/describe-check.js';
import type { CheckFinding } from '../domain/check-findings.js';

const LEVEL = { error: '错误', warning: '提示', info: '说明' } as const;

export function formatCheck(findings: readonly CheckFinding[]): string {
  if (findings.length === 0) return '检查完毕：未发现问题。';
  const count = (level: keyof typeof LEVEL) => findings.filter((f) => f.level === level).length;
  const notes = count('info');
  return [
    ...findings.map((f) => `[${LEVEL[f.level]}] ${describeCheck(f)}`),
    '',
    `检查完毕：错误${count('error')}项，提示${count('warning')}项${notes > 0 ? `，说明${notes}项` : ''}。`,
  ].join('\n');
}

/** Findings as JSON for machines: each with the sentence a clerk reads beside its typed facts. */
export function withMessages(findings: readonly CheckFinding[]): (CheckFinding & { readonly message: string })[] {
  return findings.map(({ level, code, eventSeq, personId, ...typed }) => ({
    level,
    code,
    message: describeCheck({ level, code, ...typed } as CheckFinding),
    ...(eventSeq !== undefined ? { eventSeq } : {}),
    ...(personId !== undefined ? { personId } : {}),
    ...typed,
  })) as (CheckFinding & { readonly message: string })[];
}
