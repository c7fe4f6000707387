/**
 * The console's accounts and what each role may do. Accounts are not part of the legal record:
 * they live beside it (src/store/account-store.ts) and never enter the hash chain.
 */
import * as z from 'zod';

/** 填报 drafts events, 审核 reviews drafts (never their own), 查阅 reads and downloads, 管理 keeps accounts and settings. */
export const Role = z.enum(['填报', '审核', '查阅', '管理']);
export type Role = z.infer<typeof Role>;
export const ROLES = Role.options;

/** Also accepted on the command line, for scripts written in English. */
const ROLE_ALIASES: Record<string, Role> = { drafter: '填报', reviewer: '审核', reader: '查阅', admin: '管理' };

export function parseRole(value: string): Role | undefined {
  const v = value.trim();
  return Role.safeParse(v).success ? (v as Role) : ROLE_ALIASES[v.toLowerCase()];
}

export type Action = 'read' | 'draft' | 'review' | 'manage-accounts';

const ALLOWED: Record<Role, readonly Action[]> = {
  填报: ['read', 'draft'],
  审核: ['read', 'draft', 'review'],
  查阅: ['read'],
  管理: ['read', 'manage-accounts'],
};

export function may(role: Role, action: Action): boolean {
  return ALLOWED[role].includes(action);
}

/** An account name: what a clerk types at login and what the record shows as drafter or approver. */
export const AccountName = z
  .string()
  .trim()
  .min(1, '账户名不能为空')
  .max(40, '账户名不超过40个字符')
  .refine((v) => !/[\s<>"'&/\\]/.test(v), '账户名不能含空格或 < > " \' & / \\');

export const Account = z.strictObject({
  name: AccountName,
  role: Role,
  /** `scrypt$N$r$p$salt$hash` (src/app/passwords.ts); the password itself is never kept. */
  passwordHash: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  createdBy: z.string().min(1),
  disabled: z.boolean().default(false),
  passwordChangedAt: z.iso.datetime({ offset: true }).optional(),
});
export type Account = z.infer<typeof Account>;

/** What the console shows of an account: never the hash. */
export type AccountView = Omit<Account, 'passwordHash'>;

export function accountView(a: Account): AccountView {
  const { passwordHash: _hidden, ...rest } = a;
  return rest;
}
