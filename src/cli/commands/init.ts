/**
 * `roster init`: start a new congress's record at `--db` (a new or empty file): its name, level, term,
 * region, quota or none, and electing units from `--unit` options or a small sheet (`--units`).
 * A thin shell over `RosterApp.startCongress`, the use case the console's new-congress form shares.
 */
import { type Command, CommanderError } from 'commander';
import { isDomainError } from '../../domain/errors.js';
import type { SourceDocument } from '../../domain/events.js';
import { LIMITS } from '../../domain/input-limits.js';
import { formatStart } from '../../format/start-congress.js';
import type { CliContext } from '../context.js';
import { parseDay, readInput } from '../context.js';

interface InitFlags {
  name?: string;
  shortName?: string;
  term?: string;
  level?: string;
  region?: string;
  province?: string;
  standingCommittee?: string;
  standingCommitteeShort?: string;
  termStart?: string;
  termEnd?: string;
  quota?: string;
  unit?: string[];
  units?: string;
  sheet?: string;
  map?: string[];
  date?: string;
  source?: string;
  sourceDate?: string;
  dryRun?: boolean;
}

const repeat = (entry: string, all: string[] = []) => [...all, entry];

export function initCommand(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description(
      '开始一届人民代表大会的记录：名称、级别、届次、行政区域、代表名额和选举单位；只写入新的或空的数据文件（--db），不覆盖已有记录',
    )
    .requiredOption('--name <名称>', '本届人大的全称，如：某县第十八届人民代表大会')
    .requiredOption('--short-name <简称>', '文书中的简称，如：县十八届人大')
    .requiredOption('--term <届次>', '第几届，如 18')
    .requiredOption('--level <级别>', '全国、省级、设区的市级、县级、乡镇级（或 national、provincial、municipal、county、township）')
    .requiredOption('--region <行政区域>', '如：某县')
    .requiredOption('--quota <名额>', '代表名额；没有固定名额的写“无”')
    .option('--province <省>', '所在的省（读该省的地方性规则时需要，省级和全国人大不必）')
    .option('--standing-committee <全称>', '常委会全称（默认：〈行政区域〉人民代表大会常务委员会；乡镇人大没有）')
    .option('--standing-committee-short <简称>', '常委会简称（默认：〈行政区域〉人大常委会）')
    .option('--term-start <日期>', '任期开始（YYYY-MM 或 YYYY-MM-DD）')
    .option('--term-end <日期>', '任期结束（YYYY-MM 或 YYYY-MM-DD）')
    .option('--unit <名称=名额>', '一个选举单位及其名额，如 --unit 城关镇=25（可重复；名额不详的只写名称）', repeat)
    .option('--units <file>', '选举单位表（.xlsx 或 .csv，表头：选举单位、名额，可有类别）')
    .option('--sheet <name>', '选举单位表的工作表名称（默认第一张）')
    .option('--map <列名=字段>', '选举单位表的自定义表头，如 --map 单位=选举单位（可重复）', repeat)
    .option('--date <日期>', '本届人大的日期（如第一次会议召开的日期），YYYY-MM 或 YYYY-MM-DD')
    .option('--source <title>', '这些信息所依据的文件（默认：新建本届记录，日期为今天）')
    .option('--source-date <YYYY-MM-DD>', '该文件的日期', parseDay)
    .option('--dry-run', '只检查，不写入')
    .action(async (opts: InitFlags) => {
      if (opts.map && !opts.units) throw new CommanderError(2, 'roster.mapWithoutUnits', '--map 只用于选举单位表（--units）');
      const { unitHeaderMap } = await import('../../roster-io/unit-table.js');
      try {
        unitHeaderMap(opts.map);
      } catch (e) {
        if (isDomainError(e)) throw new CommanderError(2, 'roster.invalidMap', e.message);
        throw e;
      }
      const source: SourceDocument | undefined = opts.source
        ? { title: opts.source, ...(opts.sourceDate ? { date: opts.sourceDate } : {}) }
        : undefined;
      const result = await ctx.newRecordApp().startCongress({
        draft: {
          name: opts.name,
          shortName: opts.shortName,
          termNumber: opts.term,
          level: opts.level,
          region: opts.region,
          province: opts.province,
          standingCommittee: { name: opts.standingCommittee, shortName: opts.standingCommitteeShort },
          termStart: opts.termStart,
          termEnd: opts.termEnd,
          quota: opts.quota,
          units: opts.unit ?? [],
          date: opts.date,
        },
        ...(opts.units ? { unitsFile: readInput(opts.units, LIMITS.fileBytes) } : {}),
        ...(opts.sheet ? { sheet: opts.sheet } : {}),
        ...(opts.map ? { map: opts.map } : {}),
        ...(source ? { source } : {}),
        recordedBy: opts.dryRun ? '（预览）' : ctx.recorder(),
        dryRun: opts.dryRun ?? false,
      });
      ctx.print(result, formatStart(result));
      if (!result.ok) ctx.exitCode = 1;
    });
}
