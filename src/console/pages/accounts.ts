/** 账户: an administrator keeps the accounts; everyone changes their own password under 我的账户. */
import type { FastifyInstance } from 'fastify';
import { parseRole, ROLES } from '../../domain/accounts.js';
import { DomainError, isDomainError } from '../../domain/errors.js';
import type { RosterServices } from '../../server/services.js';
import { page, redirectWith } from '../view-helpers.js';

function role(value: unknown) {
  const r = parseRole(String(value ?? ''));
  if (!r) throw new DomainError('invalid-input', `角色“${String(value ?? '')}”无效，可用：${ROLES.join('、')}`);
  return r;
}

export function accountPages(app: FastifyInstance, services: RosterServices): void {
  const manage = { config: { action: 'manage-accounts' as const } };

  app.get('/accounts', manage, async (req, reply) =>
    page(req, reply, 'accounts', '账户', { accounts: await services.accounts(req.actor!), roles: ROLES }),
  );

  app.post<{ Body: { name?: string; role?: string; password?: string } }>('/accounts', manage, async (req, reply) => {
    try {
      const a = await services.addAccount(
        { name: String(req.body?.name ?? ''), role: role(req.body?.role), password: String(req.body?.password ?? '') },
        req.actor!,
      );
      return redirectWith(req, reply, '/accounts', `已新建账户“${a.name}”（${a.role}）`);
    } catch (e) {
      if (!isDomainError(e) || e.kind === 'not-permitted') throw e;
      return redirectWith(req, reply, '/accounts', `未新建：${e.message}`, 'error');
    }
  });

  app.post<{ Params: { name: string }; Body: { role?: string; disabled?: string; password?: string } }>(
    '/accounts/:name',
    manage,
    async (req, reply) => {
      const { name } = req.params;
      try {
        if (req.body?.role !== undefined) await services.setRole(name, role(req.body.role), req.actor!);
        if (req.body?.disabled !== undefined) await services.setDisabled(name, req.body.disabled === 'true', req.actor!);
        if (req.body?.password) await services.setPassword(name, req.body.password, req.actor!);
        return redirectWith(req, reply, '/accounts', `已更新账户“${name}”`);
      } catch (e) {
        if (!isDomainError(e) || e.kind === 'not-permitted') throw e;
        return redirectWith(req, reply, '/accounts', `未更新：${e.message}`, 'error');
      }
    },
  );

  app.get('/settings', manage, async (req, reply) => page(req, reply, 'settings', '设置', { settings: services.settings(req.actor!) }));

  app.get('/me', async (req, reply) => page(req, reply, 'me', '我的账户', {}));

  app.post<{ Body: { current?: string; password?: string; confirm?: string } }>('/me', async (req, reply) => {
    const b = req.body ?? {};
    if ((b.password ?? '') !== (b.confirm ?? '')) return redirectWith(req, reply, '/me', '两次输入的新密码不一致', 'error');
    try {
      await services.setPassword(req.actor!.name, String(b.password ?? ''), req.actor!, String(b.current ?? ''));
      return redirectWith(req, reply, '/me', '密码已修改');
    } catch (e) {
      if (!isDomainError(e)) throw e;
      return redirectWith(req, reply, '/me', `未修改：${e.message}`, 'error');
    }
  });
}
