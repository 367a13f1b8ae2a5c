import type { Role } from '../../domain/auth/permissions.js';
import { conflict, notFound, unprocessable } from '../../domain/errors.js';
import { isUniqueViolation } from '../../db/errors.js';
import { sessionsRepo, staffRepo, type StaffRow } from '../../db/repos/staff-repo.js';
import type { ServiceContext } from '../context.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/index.js';
import { keyedTransaction, type KeyedReplyOf } from '../idempotency/index.js';

export type { StaffRow };

export interface CreateStaffInput {
  shopId: string;
  email: string;
  name: string;
  role: Role;
  password: string;
  locale?: string;
}

function checkPassword(password: string) {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw unprocessable('staff.password_too_short', `A password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  }
}

export async function createStaff(ctx: ServiceContext, input: CreateStaffInput, reply?: KeyedReplyOf<StaffRow>): Promise<StaffRow> {
  checkPassword(input.password);
  const email = input.email.trim().toLowerCase();
  const taken = () => conflict('staff.email_taken', `A staff account with e-mail ${email} already exists in this shop`);
  // Checked before the (deliberately slow) hash, so a duplicate costs no hashing; the unique index
  // still decides between two requests racing with the same e-mail.
  if (await staffRepo.findByEmail(ctx.db, input.shopId, email)) throw taken();
  const passwordHash = await hashPassword(input.password);
  try {
    return await keyedTransaction(ctx.db, reply, async (tx) => {
      if (await staffRepo.findByEmail(tx, input.shopId, email)) throw taken();
      return staffRepo.insert(tx, {
        shopId: input.shopId,
        email,
        name: input.name,
        role: input.role,
        passwordHash,
        locale: input.locale ?? 'zh-CN',
        createdAt: ctx.clock.now(),
      });
    });
  } catch (err) {
    if (isUniqueViolation(err, 'staff_users_shop_email_key')) throw taken();
    throw err;
  }
}

export const listStaff = (ctx: ServiceContext, shopId: string) => staffRepo.list(ctx.db, shopId);

export interface UpdateStaffInput {
  name?: string;
  role?: Role;
  disabled?: boolean;
  password?: string;
  locale?: string;
}

/** Changes a staff account. The shop always keeps at least one active owner. */
export async function updateStaff(ctx: ServiceContext, shopId: string, id: string, patch: UpdateStaffInput): Promise<StaffRow> {
  if (patch.password !== undefined) checkPassword(patch.password);
  const passwordHash = patch.password !== undefined ? await hashPassword(patch.password) : undefined;
  return ctx.db.transaction(async (tx) => {
    const current = await staffRepo.findById(tx, shopId, id);
    if (!current) throw notFound('staff.not_found', 'No such staff account');
    const losesOwner = current.role === 'owner' && current.disabledAt === null && (patch.disabled === true || (patch.role !== undefined && patch.role !== 'owner'));
    if (losesOwner && (await staffRepo.countActiveOwners(tx, shopId)) <= 1) {
      throw conflict('staff.last_owner', 'The shop must keep at least one active owner');
    }
    const updated = await staffRepo.update(tx, shopId, id, {
      name: patch.name,
      role: patch.role,
      locale: patch.locale,
      passwordHash,
      disabledAt: patch.disabled === undefined ? undefined : patch.disabled ? (current.disabledAt ?? ctx.clock.now()) : null,
    });
    // A disabled account or a new password ends every session of the account.
    if (patch.disabled === true || passwordHash !== undefined) await sessionsRepo.deleteForStaff(tx, shopId, id);
    return updated!;
  });
}
