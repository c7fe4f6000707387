/** Consistency findings as a list the clerk can work through. */
import { describeCheck } from '../checks/describe-check.js';
import type { CheckFinding } from '../domain/check-findings.js';

const LEVEL = { error: '错误', warning: '提示' } as const;

export function formatCheck(findings: readonly CheckFinding[]): string {
  if (findings.length === 0) return '检查完毕：未发现问题。';
  const errors = findings.filter((f) => f.level === 'error').length;
  return [
    ...findings.map((f) => `[${LEVEL[f.level]}] ${describeCheck(f)}（${f.code}）`),
    '',
    `检查完毕：错误${errors}项，提示${findings.length - errors}项。`,
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
