/** What `verify` found, as the clerk reads it. */
import type { VerifyReport } from '../app/verify.js';

/** What went wrong first, in the clerk's words (the kind stays in --json). */
const PROBLEM: Record<NonNullable<VerifyReport['problem']>['kind'], string> = {
  unreadable: '无法读取',
  edited: '被修改',
  removed: '被删除',
  inserted: '被插入',
  reordered: '顺序被调换',
  truncated: '末尾的记录缺失',
  unanchored: '超出头部所记的末条',
  'head-missing': '头部缺失',
};

const LAYOUT = {
  document: '整文件（JSON 文档）',
  log: '追加日志（JSON Lines）',
  database: '数据库（PostgreSQL，只追加的事件表）',
} as const;

export function formatVerify(r: VerifyReport): string {
  const out = [`${r.layout === 'database' ? '数据库' : '数据文件'}：${r.file}`, `存储形式：${LAYOUT[r.layout]}，格式版本 ${r.fileVersion}`];
  if (r.fileVersion < 2) out.push('注意：版本1文件没有哈希链，读取时按现有顺序建立了哈希链，只能证明此后未被改动。');
  if (r.uncommittedBytes > 0)
    out.push(
      `注意：文件末尾有${r.uncommittedBytes}字节未提交的内容（写入中断，从未确认），已忽略；下次记录时将移到旁边的 .uncommitted 文件。`,
    );
  if (r.problem?.kind === 'head-missing') {
    out.push('', `校验未通过：${r.problem.message}`);
  } else if (r.problem) {
    out.push('', `校验失败：${r.problem.message}`, `第一处问题：第${r.problem.seq}条（${PROBLEM[r.problem.kind]}）`);
    if (r.problem.kind === 'unanchored' || r.problem.kind === 'truncated')
      out.push('若确认数据文件无误（最后一条的哈希与会议记录相符），可运行 roster verify --rebuild-head 按数据文件重建头部。');
  } else if (r.invalid) {
    out.push('', `哈希链完整，但有事件不符合格式：${r.invalid}`);
  } else {
    out.push(
      '',
      `校验通过：共${r.count}条事件，哈希链完整。`,
      `最后一条的哈希：${r.headHash}`,
      '（可将此哈希记入会议记录，日后据以证明记录未被改动）',
    );
  }
  return out.join('\n');
}
