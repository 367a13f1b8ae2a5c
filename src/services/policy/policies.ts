import { unprocessable } from '../../domain/errors.js';
import { POLICY_PRESETS } from '../../domain/policy/presets.js';
import type { Policy } from '../../domain/policy/schema.js';
import { validatePolicy } from '../../domain/policy/validate.js';
import type { Executor } from '../../db/client.js';
import { policiesRepo, policyVersions, type PolicyRow } from '../../db/repos/policies-repo.js';
import { shopsRepo } from '../../db/repos/shops-repo.js';
import type { ServiceContext } from '../context.js';

export type { PolicyRow };

/** A shop's first policy: the China marketplace preset for CNY shops, the international one otherwise. */
function defaultPreset(currency: string): Policy {
  return currency === 'CNY' ? POLICY_PRESETS.china_marketplace : POLICY_PRESETS.international;
}

/** The policy in force now, created from the preset on first use. */
export async function currentPolicy(db: Executor, shopId: string, now: Date): Promise<PolicyRow> {
  const existing = await policiesRepo.current(db, shopId);
  if (existing) return existing;
  const shop = await shopsRepo.findById(db, shopId);
  const created = await policiesRepo.insertVersion(db, { shopId, version: 1, document: defaultPreset(shop?.currency ?? 'CNY'), note: 'preset', createdAt: now });
  return created ?? (await policiesRepo.current(db, shopId))!;
}

/**
 * The policy a case about this order is judged under (docs/policy.md): by default the version in
 * force when the order was placed (what the buyer agreed to); `judgeBy: current` uses today's.
 */
export async function policyForOrder(db: Executor, shopId: string, placedAt: Date, now: Date, known?: KnownPolicies | null): Promise<PolicyRow> {
  const current = known?.current ?? (await currentPolicy(db, shopId, now));
  if (current.document.judgeBy === 'current') return current;
  if (known?.current) return known.inForce ?? known.first ?? current;
  return (await policiesRepo.inForceAt(db, shopId, placedAt)) ?? current;
}

/** The versions policyForOrder chooses from, when read with the order (one round trip fewer). */
export interface KnownPolicies {
  current: PolicyRow | null;
  /** The last version saved before the order was placed. */
  inForce: PolicyRow | null;
  first: PolicyRow | null;
}

export async function policyById(db: Executor, shopId: string, id: string): Promise<Policy> {
  const kept = policyVersions.get(id);
  if (kept) return kept.document;
  const row = await policiesRepo.byId(db, shopId, id);
  if (!row) throw new Error(`policy version ${id} is missing`);
  return policyVersions.keep(row).document;
}

export function checkPolicyDocument(document: unknown): Policy {
  const result = validatePolicy(document);
  if (!result.ok) {
    const first = result.issues[0]!;
    throw unprocessable('policy.invalid', `The policy is invalid at ${first.path || '/'}: ${first.message}`, { issues: result.issues });
  }
  return result.policy;
}

/** Saves a new version; earlier versions stay (cases record the one they were decided under). */
export async function savePolicy(ctx: ServiceContext, shopId: string, document: unknown, note: string | undefined, staffId: string | undefined): Promise<PolicyRow> {
  const policy = checkPolicyDocument(document);
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await currentPolicy(ctx.db, shopId, ctx.clock.now());
    const saved = await policiesRepo.insertVersion(ctx.db, {
      shopId,
      version: current.version + 1,
      document: policy,
      note: note ?? null,
      createdBy: staffId ?? null,
      createdAt: ctx.clock.now(),
    });
    if (saved) return saved;
  }
  throw unprocessable('policy.save_conflict', 'Others are saving the policy at the same time; try again');
}

export const listPolicyVersions = (ctx: ServiceContext, shopId: string) => policiesRepo.list(ctx.db, shopId);
