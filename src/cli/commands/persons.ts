import { type Command, CommanderError } from 'commander';
import { formatLinkedPerson } from '../../format/persons.js';
import type { CliContext } from '../context.js';

/** `ningbo-16:zhang-san` → the person `zhang-san` of congress `ningbo-16`. */
function parseLocal(value: string): { congress: string; personId: string } {
  const at = value.indexOf(':');
  if (at <= 0 || at === value.length - 1) {
    throw new CommanderError(2, 'roster.invalidLocal', `“${value}”应写作 代表大会编号:人员编号，如 ningbo-16:zhang-san`);
  }
  return { congress: value.slice(0, at), personId: value.slice(at + 1) };
}

/** One person across congresses and terms, where the clerk says so (database only). */
export function personsCommands(program: Command, ctx: CliContext): void {
  const persons = program.command('persons').description('同一人在多个代表大会（或多届）的记录：由记录人认定并写明依据（仅数据库）');
  persons
    .command('link')
    .description('认定几个代表大会记录中的人员为同一人，给其统一的人员编号；只追加，不改动已有记录')
    .argument('<person>', '统一的人员编号（本机关自定，如 zj-0001）')
    .argument('<locals...>', '代表大会编号:人员编号，一个或多个')
    .requiredOption('--basis <text>', '认定依据，如“身份证件核对”“选举结果公告”')
    .action(async (person: string, locals: string[], opts: { basis: string }) => {
      const linked = await ctx.congresses().link({ person, locals: locals.map(parseLocal), basis: opts.basis, recordedBy: ctx.recorder() });
      ctx.print({ person, linked }, formatLinkedPerson(person, linked));
    });
  persons
    .command('unlink')
    .description('撤销关联（认定有误时）；原认定仍留在记录中')
    .argument('<locals...>', '代表大会编号:人员编号，一个或多个')
    .requiredOption('--basis <text>', '撤销的理由')
    .action(async (locals: string[], opts: { basis: string }) => {
      const parsed = locals.map(parseLocal);
      await ctx.congresses().unlink({ locals: parsed, basis: opts.basis, recordedBy: ctx.recorder() });
      ctx.print({ unlinked: parsed }, `已撤销${parsed.length}条关联`);
    });
  persons
    .command('show')
    .description('某人在各代表大会记录中的人员编号和姓名，及每条关联的依据')
    .argument('<person>', '统一的人员编号')
    .action(async (person: string) => {
      const linked = await ctx.congresses().person(person);
      ctx.print({ person, linked }, formatLinkedPerson(person, linked));
    });
}
