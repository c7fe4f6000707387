/**
 * 填报: the forms, their preview, and keeping them as drafts for review. A form's values become event
 * inputs (src/console/forms/), validated as `roster record` validates a file, previewed and drafted
 * through the application layer. Also the roster upload, checked as `import-roster --dry-run` checks it.
 */
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseEvents } from '../../app/parse-events.js';
import type { Preview } from '../../app/preview.js';
import { isDomainError } from '../../domain/errors.js';
import type { EventInput } from '../../domain/events.js';
import type { RosterServices } from '../../server/services.js';
import { CONGRESS_FORM, EVENT_FORMS, type EventForm, eventForm } from '../forms/event-forms.js';
import { type FieldProblem, FormValues, type RawValues } from '../forms/form-values.js';
import { page, redirectWith } from '../view-helpers.js';

const SOURCE_LABELS = {
  sourceTitle: '来源文件标题',
  sourceDate: '来源文件日期',
  sourceSession: '来源文件所属会议',
  sourceItem: '议程项',
  note: '备注',
};

function labelsOf(form: EventForm): Record<string, string> {
  return { ...Object.fromEntries(form.fields.map((f) => [f.name, f.label])), ...SOURCE_LABELS };
}

/** The form's events with the source document and note every event carries; problems named by field. */
function eventsOf(
  form: EventForm,
  raw: RawValues,
  services: { state: FormValues['state'] },
): { events?: EventInput[]; problems: FieldProblem[] } {
  const v = new FormValues(raw, labelsOf(form), services.state);
  const bodies = form.build(v);
  const source = {
    title: v.required('sourceTitle'),
    ...(v.text('sourceDate') ? { date: v.dayOrMonth('sourceDate') } : {}),
    ...(v.text('sourceSession') ? { session: v.integer('sourceSession') } : {}),
    ...(v.text('sourceItem') ? { item: v.integer('sourceItem') } : {}),
  };
  const note = v.text('note');
  if (v.problems.length > 0) return { problems: v.problems };
  try {
    return {
      events: parseEvents(
        bodies.map((b) => ({ ...b, source, ...(note ? { note } : {}) })),
        '表单',
      ),
      problems: [],
    };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return { problems: [{ field: '', message: e.message }] };
  }
}

export function formPages(app: FastifyInstance, services: RosterServices): void {
  async function show(
    req: FastifyRequest,
    reply: FastifyReply,
    form: EventForm,
    extra: { values?: RawValues; problems?: readonly FieldProblem[]; preview?: Preview },
  ) {
    const choices = await services.choices();
    return page(req, reply, 'form', form.title, {
      form,
      choices,
      values: extra.values ?? {},
      problems: extra.problems ?? [],
      preview: extra.preview,
    });
  }

  app.get('/forms', { config: { action: 'draft' } }, async (req, reply) => {
    const choices = await services.choices();
    const groups = [...new Set(EVENT_FORMS.map((f) => f.group))].map((g) => ({
      group: g,
      forms: EVENT_FORMS.filter((f) => f.group === g),
    }));
    return page(req, reply, 'forms', '填报', { groups, congress: choices.congress, congressForm: CONGRESS_FORM });
  });

  app.get<{ Params: { id: string } }>('/forms/:id', { config: { action: 'draft' } }, async (req, reply) => {
    const form = eventForm(req.params.id);
    if (!form) return reply.callNotFound();
    return show(req, reply, form, {});
  });

  app.post<{ Params: { id: string }; Body: RawValues & { intent?: string } }>(
    '/forms/:id',
    { config: { action: 'draft' } },
    async (req, reply) => {
      const form = eventForm(req.params.id);
      if (!form) return reply.callNotFound();
      const values = req.body ?? {};
      const d = await services.derivation();
      const { events, problems } = eventsOf(form, values, { state: d.state });
      if (!events) return show(req, reply.code(422), form, { values, problems });
      if (values.intent === 'preview') return show(req, reply, form, { values, preview: await services.previewEvents(events, req.actor!) });
      const { draft, preview } = await services.createDraft(form.title, events, req.actor!);
      if (!draft) return show(req, reply.code(422), form, { values, preview });
      return redirectWith(req, reply, `/drafts/${draft.id}`, `已提交草稿 ${draft.id}，等待审核`);
    },
  );

  app.get('/roster-upload', { config: { action: 'draft' } }, async (req, reply) =>
    page(req, reply, 'roster-upload', '上传代表名册', { choices: await services.choices(), result: undefined, values: {} }),
  );

  app.post<{ Body: { file?: unknown; sheet?: string; session?: string } }>(
    '/roster-upload',
    { config: { action: 'draft' } },
    async (req, reply) => {
      const body = req.body ?? {};
      const choices = await services.choices();
      const file = uploadedFile(req);
      if (!file)
        return page(req, reply.code(422), 'roster-upload', '上传代表名册', {
          choices,
          result: undefined,
          values: body,
          error: '请选择名册文件（.xlsx 或 .csv）',
        });
      const session = body.session?.trim() ? Number(body.session) : undefined;
      const result = await services.checkRoster(
        file,
        { ...(body.sheet?.trim() ? { sheet: body.sheet.trim() } : {}), ...(session ? { session } : {}) },
        req.actor!,
      );
      if (!result.ok || result.plan.events.length === 0) {
        return page(req, reply.code(result.ok ? 200 : 422), 'roster-upload', '上传代表名册', {
          choices,
          result,
          values: body,
          fileName: file.name,
        });
      }
      const { draft, preview } = await services.createDraft(
        `名册载入：${file.name}（${result.plan.added.length}人）`,
        result.plan.events,
        req.actor!,
      );
      if (!draft)
        return page(req, reply.code(422), 'roster-upload', '上传代表名册', { choices, result, values: body, fileName: file.name, preview });
      return redirectWith(
        req,
        reply,
        `/drafts/${draft.id}`,
        `名册校验通过，已提交草稿 ${draft.id}（${result.plan.events.length}个事件），等待审核`,
      );
    },
  );
}

/** The uploaded file (multipart field `file`), under a safe name that keeps its extension (the reader goes by it). */
function uploadedFile(req: FastifyRequest): { name: string; bytes: Buffer } | undefined {
  const upload = (req.body as { file?: { filename?: unknown; bytes?: unknown } } | undefined)?.file;
  const bytes = upload?.bytes;
  if (!Buffer.isBuffer(bytes) || bytes.length === 0) return undefined;
  const original = typeof upload?.filename === 'string' ? upload.filename : '';
  const ext = /\.(xlsx|csv|xls)$/i.exec(original)?.[0]?.toLowerCase() ?? '.xlsx';
  const base = path.basename(original, path.extname(original)).replace(/[^\p{L}\p{N}_-]/gu, '') || 'roster';
  return { name: `${base}${ext}`, bytes };
}
