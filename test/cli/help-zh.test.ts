/** What a clerk reads when asking the command for help or typing it wrong: Chinese, with no English frame. */
import { describe, expect, it } from 'vitest';
import { VERIFICATION_NOTE } from '../../src/cli/help-zh.js';
import { run } from '../support/cli.js';

const ENGLISH_FRAME = /Usage:|Options:|Commands:|Arguments:|\(default:|\(choices:|\[options\]|\[command\]|error:/;

describe('the help a clerk reads', () => {
  for (const args of [['--help'], ['doc', '--help'], ['export-roster', '--help'], ['help', 'headcount'], ['log', '--help']]) {
    it(`roster ${args.join(' ')} is framed in Chinese: 用法, 选项, 命令, 默认, 可选值`, () => {
      const r = run(args);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^用法：roster|^用法： roster/);
      expect(r.stdout).toContain('选项：');
      expect(r.stdout).not.toMatch(ENGLISH_FRAME);
    });
  }

  it('states defaults and choices in Chinese after the description', () => {
    const doc = run(['doc', '--help']).stdout;
    expect(doc).toContain('输出格式：txt、md、html、docx（默认：txt）');
    const exportRoster = run(['export-roster', '--help']).stdout;
    expect(exportRoster).toContain('（可选值：xlsx、csv、popolo）');
    expect(run(['--help']).stdout).toContain('命令：');
  });

  it('explains the verification marks in the help of the commands that show them', () => {
    for (const command of ['headcount', 'explain', 'history', 'diff', 'cascade', 'oaths']) {
      expect(run([command, '--help']).stdout, command).toContain(VERIFICATION_NOTE);
    }
  });
});

describe('a command typed wrong', () => {
  it('a missing required option is named in Chinese, with exit code 2', () => {
    const r = run(['export-roster']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('错误：缺少必填选项 --format <format>（用 --help 查看用法）\n');
  });

  it('a value outside the choices is refused with the choices listed', () => {
    const r = run(['export-roster', '--format', 'xml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('错误：选项 --format <format> 的取值“xml”无效，可选：xlsx、csv、popolo（用 --help 查看用法）\n');
  });
});

describe('the verification marks in what a command prints', () => {
  it('are explained once, at the end of an explanation that shows them', () => {
    const r = run(['explain', '黄利琴']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('〔核实程度 V〕');
    expect(r.stdout.split(VERIFICATION_NOTE)).toHaveLength(2);
    expect(r.stdout.trimEnd().endsWith(VERIFICATION_NOTE)).toBe(true);
  });

  it('are explained once after a headcount, which shows them as 〔V〕', () => {
    const out = run(['headcount', '--session', '19']).stdout;
    expect(out).toContain('〔V〕');
    expect(out.split(VERIFICATION_NOTE)).toHaveLength(2);
  });

  it('are not explained where none is shown, nor in the JSON', () => {
    expect(run(['verify']).stdout).not.toContain('核实程度');
    expect(run(['--json', 'explain', '黄利琴']).stdout).not.toContain(VERIFICATION_NOTE);
  });
});
