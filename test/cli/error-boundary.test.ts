/** The one place an error becomes what the clerk reads: Chinese, an exit code, never a stack trace unless asked. */
import { describe, expect, it } from 'vitest';
import { fixedClock, latestToday } from '../../src/app/clock.js';
import { reportError } from '../../src/cli/error-boundary.js';
import { memoryIO } from '../../src/cli/io.js';
import { DomainError } from '../../src/domain/errors.js';

function told(e: unknown, env: Record<string, string> = {}, json = false) {
  const io = memoryIO(env);
  const code = reportError(e, io, { json });
  return { code, err: io.err() };
}

const fsError = (code: string, syscall: string, path: string) =>
  Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path, errno: -1 });

describe('an error nobody expected', () => {
  it('is told in Chinese with a short reference and exit 70, without the stack', () => {
    const r = told(new TypeError("Cannot read properties of undefined (reading 'name')"));
    expect(r.code).toBe(70);
    expect(r.err).toMatch(/^错误：程序内部出错（参考编号 [0-9A-F]{8}）。请把这条消息告知维护人员；设置环境变量 ROSTER_DEBUG=1/);
    expect(r.err).not.toMatch(/TypeError|Cannot read|\n\s+at /);
  });

  it('gives the same reference for the same fault, so reports of it can be matched', () => {
    const fault = () => new TypeError('x is not a function');
    expect(told(fault()).err).toBe(told(fault()).err);
  });

  it('shows the stack only when ROSTER_DEBUG asks for it', () => {
    expect(told(new Error('boom'), { ROSTER_DEBUG: '1' }).err).toMatch(/Error: boom\n\s+at /);
  });

  it('is JSON on stderr with --json, with the reference', () => {
    const r = told(new Error('boom'), {}, true);
    expect(JSON.parse(r.err)).toEqual({
      error: {
        kind: 'internal-error',
        message: expect.stringContaining('程序内部出错'),
        reference: expect.stringMatching(/^[0-9A-F]{8}$/),
      },
    });
  });
});

describe('what the operating system refused', () => {
  const cases: [string, Error, string][] = [
    ['a missing folder for -o', fsError('ENOENT', 'open', '/x/y.csv'), '错误：打开“/x/y.csv”时出错：文件或文件夹不存在（ENOENT）\n'],
    [
      '-o naming a folder',
      fsError('EISDIR', 'open', '/tmp'),
      '错误：打开“/tmp”时出错：这是一个文件夹，不是文件（EISDIR）；请给出文件名，而不是文件夹\n',
    ],
    ['a full disk', fsError('ENOSPC', 'write', '/x/y.csv'), '错误：写入“/x/y.csv”时出错：磁盘空间已满（ENOSPC）；请清理磁盘后重试\n'],
    [
      'a read-only file',
      fsError('EACCES', 'open', '/x/roster.json'),
      '错误：打开“/x/roster.json”时出错：没有权限（EACCES）；请检查文件和所在文件夹的权限\n',
    ],
    [
      'a lock that is a file',
      fsError('ENOTDIR', 'rmdir', '/x/roster.json.lock'),
      '错误：删除文件夹“/x/roster.json.lock”时出错：路径中有一项不是文件夹（ENOTDIR）：这是数据文件的锁，但它不是本程序建立的样子；如确认没有其他 roster 进程正在使用这份数据，可删除“/x/roster.json.lock”后重试\n',
    ],
  ];
  for (const [what, e, message] of cases) {
    it(`${what}: in Chinese, naming the file, exit 1`, () => {
      expect(told(e)).toEqual({ code: 1, err: message });
    });
  }
});

describe('errors wrapped by a library', () => {
  it('our own error inside another (inversify wraps what a factory throws) is told as ours', () => {
    const wrapped = new Error('Circular dependency found', { cause: new DomainError('invalid-rule-file', '嵌套超过48层', 'rules/x.json') });
    expect(told(wrapped)).toEqual({ code: 1, err: '错误：rules/x.json: 嵌套超过48层\n' });
  });

  it('a stack overflow is told as input too deep or complex, not as a circular dependency', () => {
    const wrapped = new Error('Circular dependency found: (No dependency trace)', {
      cause: new RangeError('Maximum call stack size exceeded'),
    });
    expect(told(wrapped)).toEqual({ code: 1, err: '错误：数据嵌套过深或过于复杂，无法处理；请检查输入文件或规则文件\n' });
  });

  it('a control character in a message (from a file name, a person) is shown as �', () => {
    expect(told(new DomainError('unknown-person', '记录中没有“\u001b[2J”', 'x')).err).toBe('错误：x: 记录中没有“\uFFFD[2J”\n');
  });
});

describe('today, for the dates a fact may have', () => {
  it('is the latest calendar date anywhere: a fact of 1 August recorded in Beijing at 07:00 (still 31 July in UTC) is not in the future', () => {
    expect(latestToday(fixedClock('2024-07-31T23:00:00Z'))).toBe('2024-08-01');
    expect(latestToday(fixedClock('2024-07-31T09:59:59Z'))).toBe('2024-07-31');
  });
});
