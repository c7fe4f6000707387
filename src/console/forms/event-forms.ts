/**
 * 填报: one Chinese form for each kind of event a clerk records. A form is its fields (how the page
 * draws it) and `build`, which turns the submitted values into event inputs as `roster record` takes
 * them; the source document and the note are asked on every form and added to each event.
 * Nothing here decides what an event means: the rules do, in the preview and on approval.
 */
import { newPersonId } from '../../app/person-ids.js';
import { congressFromDraft, LEVEL_NAMES, parseUnitLine } from '../../app/start-congress.js';
import type { FormValues } from './form-values.js';

export type FieldSpec =
  | {
      readonly name: string;
      readonly label: string;
      readonly kind: 'text' | 'textarea' | 'date' | 'month' | 'number' | 'person' | 'persons' | 'unit' | 'organ' | 'session';
      readonly required?: boolean;
      readonly hint?: string;
    }
  | {
      readonly name: string;
      readonly label: string;
      readonly kind: 'select';
      readonly options: readonly { readonly value: string; readonly label: string }[];
      readonly required?: boolean;
      readonly hint?: string;
    };

/** A built event before the source document and note are added. */
export type EventBody = Record<string, unknown> & { readonly type: string };

export interface EventForm {
  readonly id: string;
  readonly title: string;
  readonly group: string;
  readonly description: string;
  readonly fields: readonly FieldSpec[];
  build(v: FormValues): EventBody[];
}

const opts = (pairs: Record<string, string>) => Object.entries(pairs).map(([value, label]) => ({ value, label }));

const person = {
  name: 'person',
  label: '代表',
  kind: 'person',
  required: true,
  hint: '输入姓名、拼音首字母（如 hlq），从列表中选择',
} as const;
const date = { name: 'date', label: '日期', kind: 'date', hint: '事实发生或生效的日期；来源未载明的留空' } as const;
const circumstances = {
  name: 'circumstances',
  label: '情况说明（按来源文件的表述）',
  kind: 'text',
  hint: '如：因工作岗位变动调离了宁波市',
} as const;

/** Drops fields left empty, so events carry only what the clerk gave. */
function event(type: string, fields: Record<string, unknown>): EventBody {
  return { type, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== '')) };
}

/** The simple terminations: a person, a date, how the source words it. */
function termination(id: string, type: string, title: string, extra: readonly FieldSpec[] = []): EventForm {
  return {
    id,
    title,
    group: '代表资格终止',
    description: `${title}：选择代表，填写日期和来源文件`,
    fields: [person, date, ...extra, circumstances],
    build: (v) => [
      event(type, {
        personId: v.person('person'),
        date: v.date('date'),
        circumstances: v.text('circumstances'),
        ...Object.fromEntries(extra.map((f) => [f.name, f.kind === 'number' ? v.integer(f.name, f.required) : v.text(f.name)])),
      }),
    ],
  };
}

const newPersonFields: readonly FieldSpec[] = [
  { name: 'name', label: '姓名', kind: 'text', required: true },
  { name: 'gender', label: '性别', kind: 'select', options: opts({ '': '（不详）', 男: '男', 女: '女' }) },
  { name: 'ethnicity', label: '民族', kind: 'text' },
  { name: 'birthDate', label: '出生年月', kind: 'month', hint: 'YYYY-MM 或 YYYY-MM-DD' },
  { name: 'party', label: '党派', kind: 'text' },
  { name: 'affiliation', label: '工作单位及职务', kind: 'text' },
];

function registered(v: FormValues, personId: string | undefined): EventBody {
  return event('PersonRegistered', {
    personId,
    name: v.text('name'),
    gender: v.text('gender'),
    ethnicity: v.text('ethnicity'),
    birthDate: v.dayOrMonth('birthDate'),
    party: v.text('party'),
    affiliation: v.text('affiliation'),
  });
}

function freshId(v: FormValues, name: string | undefined): string | undefined {
  return name ? newPersonId(name, (id) => v.state.persons[id] !== undefined) : undefined;
}

const POST_ROWS = 3;

export const EVENT_FORMS: readonly EventForm[] = [
  {
    id: 'transfer',
    title: '调离或迁出本行政区域',
    group: '代表资格终止',
    description: '代表调离或者迁出本行政区域',
    fields: [
      person,
      { name: 'movement', label: '情形', kind: 'select', options: opts({ transferred: '调离', moved: '迁出' }), required: true },
      date,
      circumstances,
    ],
    build: (v) => [
      event('DeputyTransferredOut', {
        personId: v.person('person'),
        movement: v.choice('movement', ['transferred', 'moved']),
        date: v.date('date'),
        circumstances: v.text('circumstances'),
      }),
    ],
  },
  {
    id: 'resignation',
    title: '辞去代表职务',
    group: '代表资格终止',
    description: '代表辞职，被接受',
    fields: [
      person,
      date,
      { name: 'acceptedBy', label: '接受辞职的机关', kind: 'text', hint: '如：鄞州区人大常委会' },
      {
        name: 'submittedTo',
        label: '辞职请求提交给',
        kind: 'select',
        options: opts({
          '': '（来源未载明）',
          'electing-unit': '选举单位',
          'standing-committee': '本级人大常委会',
          congress: '本级人民代表大会',
        }),
      },
      { name: 'reason', label: '辞职原因（按来源文件的表述）', kind: 'text', hint: '如：因工作岗位变动或到龄退休' },
    ],
    build: (v) => [
      event('DeputyResignationAccepted', {
        personId: v.person('person'),
        date: v.date('date'),
        acceptedBy: v.text('acceptedBy'),
        submittedTo: v.choice('submittedTo', ['electing-unit', 'standing-committee', 'congress'], false),
        reason: v.text('reason'),
      }),
    ],
  },
  termination('ordered-resignation', 'OrderedResignationAccepted', '责令辞职被接受', [
    { name: 'acceptedBy', label: '接受辞职的机关', kind: 'text' },
  ]),
  termination('recall', 'DeputyRecalled', '罢免', [{ name: 'recalledBy', label: '罢免的机关', kind: 'text' }]),
  termination('death', 'DeputyDied', '去世'),
  termination('nationality', 'NationalityLost', '丧失中华人民共和国国籍'),
  termination('political-rights', 'PoliticalRightsDeprived', '被剥夺政治权利', [{ name: 'judgment', label: '判决', kind: 'text' }]),
  termination('capacity', 'CapacityLost', '丧失行为能力'),
  {
    id: 'absence',
    title: '未经批准不出席大会会议',
    group: '代表资格终止',
    description: '每缺席一次大会会议填一次；是否终止代表资格由规则判断',
    fields: [person, date, { name: 'congressSession', label: '大会第几次会议', kind: 'number', required: true }],
    build: (v) => [
      event('AbsentWithoutLeave', {
        personId: v.person('person'),
        date: v.date('date'),
        congressSession: v.integer('congressSession', true),
      }),
    ],
  },
  {
    id: 'by-election',
    title: '补选当选',
    group: '当选与资格审查',
    description: '选举单位补选产生的代表（新登记人员），待常委会审查确认',
    fields: [
      ...newPersonFields,
      { name: 'electingUnit', label: '选举单位', kind: 'unit', required: true },
      { name: 'date', label: '当选日期', kind: 'date' },
      { name: 'electedBy', label: '补选机关', kind: 'text', hint: '如：鄞州区人大常委会' },
    ],
    build: (v) => {
      const personId = freshId(v, v.required('name'));
      return [
        registered(v, personId),
        event('DeputyElected', {
          personId,
          electingUnit: v.required('electingUnit'),
          kind: 'by-election',
          date: v.date('date'),
          electedBy: v.text('electedBy'),
        }),
      ];
    },
  },
  {
    id: 'review',
    title: '代表资格审查',
    group: '当选与资格审查',
    description: '常委会确认代表资格有效，或确定当选无效',
    fields: [
      { ...person, hint: '已当选、待审查的代表' },
      { name: 'date', label: '审查日期', kind: 'date', required: true },
      { name: 'session', label: '常委会会议', kind: 'session' },
      { name: 'result', label: '结果', kind: 'select', options: opts({ valid: '确认代表资格有效', void: '确定当选无效' }), required: true },
      {
        name: 'voidGround',
        label: '当选无效的理由',
        kind: 'select',
        options: opts({
          '': '（不适用）',
          'basic-conditions': '不符合代表基本条件',
          procedure: '违反法律规定的程序',
          'election-sabotage': '以贿赂等手段破坏选举',
          'foreign-funding': '接受境外资助',
        }),
      },
    ],
    build: (v) => [
      event('QualificationReviewed', {
        personId: v.person('person'),
        date: v.date('date', true),
        session: v.integer('session'),
        result: v.choice('result', ['valid', 'void']),
        voidGround: v.choice('voidGround', ['basic-conditions', 'procedure', 'election-sabotage', 'foreign-funding'], false),
      }),
    ],
  },
  {
    id: 'suspension',
    title: '暂时停止执行代表职务',
    group: '暂停与恢复',
    description: '报告的情形；是否暂停由规则判断',
    fields: [
      person,
      date,
      {
        name: 'ground',
        label: '情形',
        kind: 'select',
        required: true,
        options: opts({
          'criminal-custody': '因刑事案件被羁押正在受侦查、起诉、审判',
          'serving-sentence': '被判处管制、拘役或者有期徒刑而没有附加剥夺政治权利，正在服刑',
          'non-custodial-measure': '被采取取保候审、监视居住',
          'administrative-detention': '被行政拘留',
          'judicial-detention': '被司法拘留',
        }),
      },
    ],
    build: (v) => [
      event('DeputySuspended', {
        personId: v.person('person'),
        date: v.date('date'),
        ground: v.choice('ground', [
          'criminal-custody',
          'serving-sentence',
          'non-custodial-measure',
          'administrative-detention',
          'judicial-detention',
        ]),
      }),
    ],
  },
  {
    id: 'suspension-ended',
    title: '恢复执行代表职务',
    group: '暂停与恢复',
    description: '暂时停止执行代表职务的情形消失',
    fields: [person, date],
    build: (v) => [event('SuspensionEnded', { personId: v.person('person'), date: v.date('date') })],
  },
  {
    id: 'personnel',
    title: '任免',
    group: '职务',
    description: '常委会任免、决定任免、接受辞职、批准辞职、撤职名单中的一项',
    fields: [
      { name: 'person', label: '人员', kind: 'person', required: true, hint: '记录中尚无此人的，先用“人员登记”登记' },
      {
        name: 'act',
        label: '事项',
        kind: 'select',
        required: true,
        options: opts({
          appointed: '任命',
          removed: '免去',
          'decided-appointed': '决定任命',
          'decided-removed': '决定免去',
          'resignation-accepted': '接受辞职',
          'resignation-approved': '批准辞职',
          dismissed: '撤职',
        }),
      },
      ...Array.from({ length: POST_ROWS }, (_, i) => [
        { name: `organ${i}`, label: `职务${i + 1}：机关`, kind: 'organ', required: i === 0 } as const,
        {
          name: `title${i}`,
          label: `职务${i + 1}：名称`,
          kind: 'text',
          required: i === 0,
          hint: i === 0 ? '如：副秘书长、委员' : undefined,
        } as FieldSpec,
      ]).flat(),
      { name: 'date', label: '表决日期', kind: 'date', required: true },
      { name: 'session', label: '常委会会议', kind: 'session', required: true },
      { name: 'item', label: '议程项', kind: 'number', required: true },
      {
        name: 'listKind',
        label: '载于',
        kind: 'select',
        required: true,
        options: opts({
          appointments: '任免名单',
          'decided-appointments': '决定任免名单',
          'approvals-and-removals': '批准辞职和免职名单',
          decision: '单独的决定',
        }),
      },
      {
        name: 'proposer',
        label: '提请机关',
        kind: 'select',
        required: true,
        options: opts({
          'council-of-chairpersons': '主任会议',
          mayor: '市长（人民政府）',
          'supervisory-director': '监察委员会主任',
          'court-president': '中级人民法院院长',
          'procurator-general': '人民检察院检察长',
        }),
      },
      { name: 'position', label: '在名单中的位置（第几项）', kind: 'number', required: true },
      { name: 'reason', label: '原因（按文件表述）', kind: 'text', hint: '如：因到龄退休' },
      { name: 'presentedBy', label: '说明人', kind: 'text' },
    ],
    build: (v) => {
      const posts = Array.from({ length: POST_ROWS }, (_, i) => ({ organId: v.text(`organ${i}`), title: v.text(`title${i}`), i })).filter(
        (p) => p.organId !== undefined || p.title !== undefined,
      );
      for (const p of posts) {
        if (!p.organId) v.problem(`organ${p.i}`, '请选择机关');
        if (!p.title) v.problem(`title${p.i}`, '请填写职务名称');
      }
      if (posts.length === 0) v.problem('organ0', '至少填写一项职务');
      return [
        event('PersonnelDecided', {
          personId: v.person('person'),
          act: v.choice('act', [
            'appointed',
            'removed',
            'decided-appointed',
            'decided-removed',
            'resignation-accepted',
            'resignation-approved',
            'dismissed',
          ]),
          posts: posts.map((p) => ({ organId: p.organId, title: p.title })),
          date: v.date('date', true),
          session: v.integer('session', true),
          item: v.integer('item', true),
          list: {
            kind: v.choice('listKind', ['decision', 'appointments', 'decided-appointments', 'approvals-and-removals']),
            proposer: v.choice('proposer', [
              'council-of-chairpersons',
              'mayor',
              'supervisory-director',
              'court-president',
              'procurator-general',
            ]),
            position: v.integer('position', true),
          },
          reason: v.text('reason'),
          presentedBy: v.text('presentedBy'),
        }),
      ];
    },
  },
  {
    id: 'post-ended',
    title: '职务终止',
    group: '职务',
    description: '职务因相应终止、相应撤销、去世、机构撤销等结束（不是常委会的任免）',
    fields: [
      { name: 'person', label: '人员', kind: 'person', required: true },
      { name: 'organ', label: '机关', kind: 'organ', required: true },
      { name: 'title', label: '职务名称', kind: 'text', required: true },
      date,
      {
        name: 'how',
        label: '方式',
        kind: 'select',
        required: true,
        options: opts({ 相应终止: '相应终止', 相应撤销: '相应撤销', 去世: '去世', 机构撤销: '机构撤销' }),
      },
    ],
    build: (v) => [
      event('PostEnded', {
        personId: v.person('person'),
        post: { organId: v.required('organ'), title: v.required('title') },
        date: v.date('date'),
        how: v.required('how'),
      }),
    ],
  },
  {
    id: 'oath',
    title: '宪法宣誓',
    group: '职务',
    description: '组织宪法宣誓；来源列明宣誓人员的，逐一填写',
    fields: [
      { name: 'date', label: '宣誓日期', kind: 'date', required: true },
      { name: 'session', label: '常委会会议', kind: 'session' },
      { name: 'persons', label: '宣誓人员', kind: 'persons', hint: '多人用顿号分隔；来源未列明的留空，填写下一项' },
      { name: 'participants', label: '来源的表述', kind: 'text', hint: '如：本次会议任命的有关人员' },
      { name: 'organisedBy', label: '组织者', kind: 'text', hint: '如：宁波市人大常委会' },
    ],
    build: (v) => [
      event('OathTaken', {
        date: v.date('date', true),
        session: v.integer('session'),
        personIds: v.persons('persons'),
        participants: v.text('participants'),
        organisedBy: v.text('organisedBy'),
      }),
    ],
  },
  {
    id: 'person',
    title: '人员登记',
    group: '人员与机关',
    description: '记录中尚无的人员（任免对象等）',
    fields: newPersonFields,
    build: (v) => [registered(v, freshId(v, v.required('name')))],
  },
  {
    id: 'organ',
    title: '机关',
    group: '人员与机关',
    description: '职务所在的机关：全称、类别、上级机关、简称',
    fields: [
      { name: 'name', label: '全称（首次出现时的写法）', kind: 'text', required: true, hint: '如：宁波市人大常委会办公厅' },
      {
        name: 'kind',
        label: '类别',
        kind: 'select',
        required: true,
        options: opts({
          'people-congress': '人民代表大会',
          'standing-committee': '人大常委会',
          'special-committee': '专门委员会',
          'credentials-committee': '代表资格审查委员会',
          'working-body': '常委会工作机构',
          government: '人民政府',
          'government-department': '政府工作部门',
          'supervisory-commission': '监察委员会',
          court: '人民法院',
          procuratorate: '人民检察院',
        }),
      },
      { name: 'parent', label: '上级机关', kind: 'organ' },
      { name: 'localName', label: '在上级机关名称后的写法', kind: 'text', hint: '如：办公厅' },
      { name: 'shortForms', label: '简称', kind: 'text', hint: '多个用顿号分隔，如：市人大常委会、常委会' },
    ],
    build: (v) => {
      const name = v.required('name');
      const taken = new Set(Object.keys(v.state.organs));
      let organId = `organ-${Object.keys(v.state.organs).length + 1}`;
      for (let n = 2; taken.has(organId); n++) organId = `organ-${Object.keys(v.state.organs).length + n}`;
      return [
        event('OrganRegistered', {
          organId,
          name,
          kind: v.required('kind'),
          parentId: v.text('parent'),
          localName: v.text('localName'),
          shortForms: (v.text('shortForms') ?? '')
            .split(/[、，,]/)
            .map((s) => s.trim())
            .filter(Boolean),
        }),
      ];
    },
  },
  {
    id: 'session',
    title: '常委会会议',
    group: '会议与公文',
    description: '常务委员会第N次会议及其议程',
    fields: [
      { name: 'session', label: '第几次会议', kind: 'number', required: true },
      { name: 'date', label: '开始日期', kind: 'month', required: true, hint: 'YYYY-MM-DD（来源只写到月份时 YYYY-MM）' },
      { name: 'endDate', label: '结束日期', kind: 'date' },
      { name: 'agenda', label: '议程', kind: 'textarea', hint: '每行一项，按议程顺序' },
    ],
    build: (v) => [
      event('SessionHeld', {
        session: v.integer('session', true),
        date: v.dayOrMonth('date', true),
        endDate: v.date('endDate'),
        agenda: (v.text('agenda') ?? '')
          .split('\n')
          .map((l) => l.trim().replace(/^\d+[.、．]\s*/, ''))
          .filter(Boolean)
          .map((title, i) => ({ item: i + 1, title })),
      }),
    ],
  },
  {
    id: 'opening-balance',
    title: '期初实有代表',
    group: '会议与公文',
    description: '某次会议确认的实有代表人数（记录起点）；名单可随后上传名册',
    fields: [
      { name: 'session', label: '常委会会议', kind: 'session', required: true },
      { name: 'date', label: '日期', kind: 'month', required: true },
      { name: 'count', label: '实有代表人数', kind: 'number', required: true },
    ],
    build: (v) => [
      event('OpeningBalanceStated', {
        session: v.integer('session', true),
        date: v.dayOrMonth('date', true),
        count: v.integer('count', true, 0),
        members: [],
      }),
    ],
  },
  {
    id: 'announcement',
    title: '公告',
    group: '会议与公文',
    description: '常委会关于代表资格终止的公告',
    fields: [
      { name: 'date', label: '公告日期', kind: 'date', required: true },
      { name: 'session', label: '常委会会议', kind: 'session' },
      { name: 'noticeNumber', label: '公告编号', kind: 'text', hint: '如：〔十六届〕第十二号' },
      { name: 'persons', label: '公告的代表', kind: 'persons', hint: '多人用顿号分隔' },
    ],
    build: (v) => {
      const personIds = v.persons('persons');
      if (personIds.length === 0 && !v.problems.some((p) => p.field === 'persons')) v.problem('persons', '至少一名代表');
      return [
        event('TerminationsAnnounced', {
          date: v.date('date', true),
          session: v.integer('session'),
          noticeNumber: v.text('noticeNumber'),
          personIds,
        }),
      ];
    },
  },
  {
    id: 'report',
    title: '代表资格审查委员会报告',
    group: '会议与公文',
    description: '会议通过的报告及其所述数字（以后核对用）',
    fields: [
      { name: 'date', label: '通过日期', kind: 'date', required: true },
      { name: 'session', label: '常委会会议', kind: 'session', required: true },
      { name: 'quota', label: '所述代表名额', kind: 'number' },
      { name: 'countBefore', label: '所述上次确认后实有代表', kind: 'number' },
      { name: 'terminated', label: '所述出缺代表', kind: 'number' },
      { name: 'confirmed', label: '所述补选并确认的代表', kind: 'number' },
      { name: 'countAfter', label: '所述变动后实有代表', kind: 'number' },
    ],
    build: (v) => [
      event('CredentialsReportAdopted', {
        date: v.date('date', true),
        session: v.integer('session', true),
        stated: Object.fromEntries(
          ['quota', 'countBefore', 'terminated', 'confirmed', 'countAfter']
            .map((k) => [k, v.integer(k, false, 0)] as const)
            .filter(([, n]) => n !== undefined),
        ),
      }),
    ],
  },
  {
    id: 'correction',
    title: '更正（撤销错误记录）',
    group: '人员与机关',
    description: '记录有误：说明理由，撤销该条事件（记录本身不被改动，更正与原事件都保留）',
    fields: [
      { name: 'supersedes', label: '被更正的事件序号', kind: 'number', required: true, hint: '见“历史”页面的序号' },
      { name: 'reason', label: '更正理由', kind: 'text', required: true },
    ],
    build: (v) => [event('EventCorrected', { supersedes: v.integer('supersedes', true), reason: v.required('reason') })],
  },
];

/** A new congress (本届人民代表大会): name, level, term, quota and its electing units with their quotas. */
export const CONGRESS_FORM: EventForm = {
  id: 'congress',
  title: '新建本届人民代表大会',
  group: '本届人大',
  description: '开始一届人民代表大会的记录',
  fields: [
    { name: 'name', label: '名称', kind: 'text', required: true, hint: '如：某县第十八届人民代表大会' },
    { name: 'shortName', label: '简称', kind: 'text', required: true, hint: '如：县十八届人大' },
    { name: 'termNumber', label: '届次', kind: 'number', required: true },
    { name: 'level', label: '级别', kind: 'select', required: true, options: opts(LEVEL_NAMES) },
    { name: 'region', label: '行政区域', kind: 'text', required: true, hint: '如：某县' },
    { name: 'scName', label: '常务委员会全称', kind: 'text', hint: '乡镇人大没有常委会，留空' },
    { name: 'scShortName', label: '常务委员会简称', kind: 'text' },
    { name: 'termStart', label: '任期开始', kind: 'month' },
    { name: 'termEnd', label: '任期结束', kind: 'month' },
    { name: 'quota', label: '代表名额', kind: 'text', required: true, hint: '没有固定名额的写“无”' },
    { name: 'units', label: '选举单位及名额', kind: 'textarea', required: true, hint: '每行一个选举单位，名称后可加名额，如：城关镇 25' },
    { name: 'date', label: '日期', kind: 'month', hint: '来源文件的日期' },
  ],
  build: (v) => {
    // The use case `roster init` shares: the same checks, told beside the form's fields.
    const lines = (v.text('units') ?? '').split('\n');
    const units = lines.flatMap((line, i) => {
      const u = parseUnitLine(line);
      return u ? [{ ...u, where: `第${i + 1}行` }] : [];
    });
    const draft = {
      name: v.text('name'),
      shortName: v.text('shortName'),
      termNumber: v.text('termNumber'),
      level: v.text('level'),
      region: v.text('region'),
      standingCommittee: { name: v.text('scName'), shortName: v.text('scShortName') },
      termStart: v.dayOrMonth('termStart'),
      termEnd: v.dayOrMonth('termEnd'),
      quota: v.text('quota'),
    };
    const { congress, problems } = congressFromDraft(draft, units, FORM_NAMES);
    for (const p of problems)
      v.problem(p.field ? FORM_NAMES[p.field] : 'units', p.where.startsWith('第') ? `${p.where}：${p.message}` : p.message);
    return [event('CongressConstituted', { date: v.dayOrMonth('date'), congress })];
  },
};

/** The form's fields by the draft's names, for telling a problem beside its field. */
const FORM_NAMES = {
  name: 'name',
  shortName: 'shortName',
  termNumber: 'termNumber',
  level: 'level',
  region: 'region',
  province: 'region',
  standingCommittee: 'scName',
  termStart: 'termStart',
  termEnd: 'termEnd',
  quota: 'quota',
  units: 'units',
  date: 'date',
} as const;

export function eventForm(id: string): EventForm | undefined {
  return id === CONGRESS_FORM.id ? CONGRESS_FORM : EVENT_FORMS.find((f) => f.id === id);
}
