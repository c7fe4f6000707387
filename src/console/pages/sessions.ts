/**
 * 会议: per standing-committee session, the ledger and every document kind, viewed in the page and
 * downloaded as docx or html through the renderers `roster doc` uses; the notice's number and date
 * come from a form.
 */
import type { FastifyInstance } from 'fastify';
import type { DocumentOptions } from '../../documents/document-kind.js';
import { Day } from '../../domain/dates.js';
import { DomainError } from '../../domain/errors.js';
import type { RosterServices } from '../../server/services.js';
import { page } from '../view-helpers.js';

interface DocQuery {
  date?: string;
  number?: string;
  numberStyle?: string;
  format?: string;
}

function sessionNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new DomainError('invalid-input', `会议次数“${value}”无效，应为正整数`);
  return n;
}

/** The options `roster doc` takes as --date, --number and --number-style, from the notice form. */
function documentOptions(q: DocQuery): DocumentOptions {
  const date = q.date?.trim();
  if (date && !Day.safeParse(date).success) throw new DomainError('invalid-input', `成文日期“${date}”无效，应为 YYYY-MM-DD`);
  const number = q.number?.trim();
  if (number && !/^[1-9]\d*$/.test(number)) throw new DomainError('invalid-input', `公告编号“${number}”无效，应为正整数`);
  const style = q.numberStyle === 'plain' || q.numberStyle === 'term' ? q.numberStyle : undefined;
  return { ...(date ? { date } : {}), ...(number ? { number: Number(number) } : {}), ...(style ? { numberStyle: style } : {}) };
}

export function sessionPages(app: FastifyInstance, services: RosterServices): void {
  app.get('/sessions', async (req, reply) => page(req, reply, 'sessions', '会议', { sessions: await services.sessions() }));

  app.get<{ Params: { n: string }; Querystring: DocQuery }>('/sessions/:n', async (req, reply) => {
    const n = sessionNumber(req.params.n);
    const options = documentOptions(req.query);
    const s = await services.session(n);
    // The notice as the form asks for it (number, date); every other kind as the record gives it.
    const notice = s.documents.find((d) => d.kind.id === 'notice');
    if (notice && !notice.refusal && Object.keys(options).length > 0) {
      notice.documents = (await services.document('notice', n, 'txt', options)).documents;
    }
    return page(req, reply, 'session', `常委会第${n}次会议`, { s, n, options, query: req.query });
  });

  app.get<{ Params: { n: string; kind: string }; Querystring: DocQuery }>('/sessions/:n/documents/:kind', async (req, reply) => {
    const n = sessionNumber(req.params.n);
    const format = req.query.format === 'docx' ? 'docx' : 'html';
    const { kind, rendered } = await services.document(req.params.kind, n, format, documentOptions(req.query));
    const name = `第${n}次会议-${kind.description}.${format}`;
    reply.header(
      'Content-Disposition',
      `attachment; filename="session-${n}-${kind.id}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    if (rendered.kind === 'binary') {
      return reply.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').send(rendered.bytes);
    }
    // The document's own style sheet is inline; it holds no script.
    reply.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    return reply.type('text/html; charset=utf-8').send(rendered.text);
  });
}
