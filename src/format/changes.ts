/** `roster record FILE.xlsx|csv`: the register's report, every problem located, or what each row becomes. */
import type { RecordChangesResult } from '../app/record-changes.js';
import { describeProblem } from '../domain/roster-problems.js';
import { formatPreview } from './preview.js';

export function formatChanges(r: RecordChangesResult, recordedBy?: string): string {
  const head = `文件：${r.file}，工作表“${r.sheet}”，变动${r.rows}行`;
  if (!r.ok) {
    return [head, `发现问题${r.problems.length}项，未写入任何记录：`, ...r.problems.map((p) => `  ${describeProblem(p)}`)].join('\n');
  }
  const out = [head, '各行登记为：'];
  for (const line of r.lines) {
    const types = line.events.map((i) => r.events[i]!.type).join('、');
    out.push(`  第${line.row}行 ${line.name}${line.electingUnit ? `（${line.electingUnit}）` : ''}：${line.change} → ${types}`);
  }
  out.push('', formatPreview(r.preview));
  if (r.dryRun) out.push('', `试运行（--dry-run）：将写入事件${r.events.length}个，实际未写入。`);
  else {
    const seqs = r.recorded.map((e) => e.seq);
    out.push(
      '',
      `已记录${r.recorded.length}个事件（序号 ${seqs[0]}–${seqs[seqs.length - 1]}）${recordedBy ? `，记录人：${recordedBy}` : ''}`,
    );
  }
  return out.join('\n');
}
