/** 代表: the roster of a date, filtered and searched; each person's page is their timeline. */
import type { FastifyInstance } from 'fastify';
import { Day } from '../../domain/dates.js';
import { DomainError } from '../../domain/errors.js';
import type { MandateStatus } from '../../domain/roster.js';
import type { RosterServices } from '../../server/services.js';
import { page } from '../view-helpers.js';

export const STATUS_FILTERS: readonly { value: MandateStatus | 'counted'; label: string }[] = [
  { value: 'counted', label: '实有代表（含暂停执行职务）' },
  { value: 'valid', label: '代表资格有效' },
  { value: 'suspended', label: '暂停执行代表职务' },
  { value: 'pending', label: '已当选，待确认' },
  { value: 'ended', label: '代表资格终止' },
  { value: 'void', label: '当选无效' },
];

interface RosterQuery {
  asOf?: string;
  unit?: string;
  status?: string;
  post?: string;
  q?: string;
}

export function personPages(app: FastifyInstance, services: RosterServices): void {
  app.get<{ Querystring: RosterQuery }>('/deputies', async (req, reply) => {
    const q = req.query;
    const asOf = q.asOf?.trim() || undefined;
    if (asOf && !Day.safeParse(asOf).success) throw new DomainError('invalid-input', `日期“${asOf}”无效，应为 YYYY-MM-DD`);
    const status = STATUS_FILTERS.find((s) => s.value === q.status)?.value;
    const filter = {
      ...(q.unit ? { unit: q.unit } : {}),
      ...(status ? { status } : {}),
      ...(q.post ? { post: q.post } : {}),
      ...(q.q ? { query: q.q } : {}),
    };
    const roster = await services.roster(asOf, filter);
    return page(req, reply, 'deputies', '代表', {
      roster,
      filter: { asOf: asOf ?? '', unit: q.unit ?? '', status: status ?? '', post: q.post ?? '', q: q.q ?? '' },
      statuses: STATUS_FILTERS,
    });
  });

  app.get<{ Params: { id: string } }>('/persons/:id', async (req, reply) => {
    const p = await services.person(req.params.id);
    return page(req, reply, 'person', p.person.name, p);
  });
}
