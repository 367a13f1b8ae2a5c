import { notFound } from '../../domain/errors.js';
import { statusRow, type Platform } from '../../domain/marketplaces/mapping.js';
import { casesRepo } from '../../db/repos/cases-repo.js';
import { marketplaceCasesRepo } from '../../db/repos/marketplace-cases-repo.js';
import type { ServiceContext } from '../context.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * Where a case came from on a marketplace, for the case page: the platform, its record and
 * status (with what Retour makes of it and how sure that is), the platform's deadline and the
 * clock running now, and a push that failed. `null` for a case that did not come from one.
 */
export async function caseMarketplaceLink(ctx: ServiceContext, shopId: string, caseId: string) {
  if (!(await casesRepo.findById(ctx.db, shopId, caseId))) throw notFound('case.not_found', 'No such case');
  const v = await marketplaceCasesRepo.viewOfCase(ctx.db, shopId, caseId);
  if (!v) return { link: null };
  const row = statusRow(v.platform as Platform, v.platform_status);
  return {
    link: {
      platform: v.platform,
      connectionId: v.connection_id,
      connectionName: v.connection_name,
      externalId: v.external_id,
      orderExternalId: v.order_external_id,
      platformStatus: v.platform_status,
      platformStatusMeaning: row?.meaning ?? null,
      confidence: row?.confidence ?? null,
      platformType: v.platform_type,
      platformModifiedAt: iso(v.platform_modified_at),
      platformDeadlineAt: iso(v.platform_deadline_at),
      deadlineAt: iso(v.due_at),
      deadlineRule: v.due_rule,
      pushError: v.push_error,
    },
  };
}
