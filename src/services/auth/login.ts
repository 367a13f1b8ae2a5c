import { isRole } from '../../domain/auth/permissions.js';
import { AppError, invalid, unauthenticated } from '../../domain/errors.js';
import { sessionsRepo, staffRepo } from '../../db/repos/staff-repo.js';
import type { ServiceContext } from '../context.js';
import { verifyAgainstDummy, verifyPassword } from './passwords.js';
import { randomToken, sha256 } from './tokens.js';

export interface LoginInput {
  email: string;
  password: string;
  /** Needed only when the e-mail has accounts in several shops. */
  shop?: string;
  userAgent?: string;
  ip?: string;
}

export async function login(ctx: ServiceContext, input: LoginInput) {
  const email = input.email.trim().toLowerCase();
  const accounts = (await staffRepo.findAllByEmail(ctx.db, email)).filter(
    (a) => a.staff.disabledAt === null && (input.shop === undefined || a.shopSlug === input.shop),
  );
  const matching = [];
  for (const account of accounts) {
    if (await verifyPassword(input.password, account.staff.passwordHash)) matching.push(account);
  }
  if (accounts.length === 0) await verifyAgainstDummy(input.password);
  if (matching.length === 0) throw unauthenticated('auth.invalid_credentials', 'E-mail or password is wrong');
  if (matching.length > 1) {
    throw invalid('auth.shop_required', 'This e-mail signs in to several shops: say which one', {
      shops: matching.map((m) => m.shopSlug),
    });
  }
  const { staff } = matching[0]!;
  if (!isRole(staff.role)) throw new AppError('forbidden', 'auth.role_unknown', `Unknown role ${staff.role}`);

  const now = ctx.clock.now();
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlHours * 3600_000);
  await ctx.db.transaction(async (tx) => {
    await sessionsRepo.insert(tx, {
      shopId: staff.shopId,
      tokenHash: sha256(token),
      staffUserId: staff.id,
      csrfToken,
      expiresAt,
      lastSeenAt: now,
      createdAt: now,
      userAgent: input.userAgent?.slice(0, 300),
      ip: input.ip,
    });
    await staffRepo.update(tx, staff.shopId, staff.id, { lastLoginAt: now });
    await sessionsRepo.deleteExpired(tx, now);
  });
  return { token, csrfToken, expiresAt, staff };
}

export async function logout(ctx: ServiceContext, token: string) {
  await sessionsRepo.delete(ctx.db, sha256(token));
}
