import type { Actor, CaseAction } from '../../domain/cases/model.js';
import { transition } from '../../domain/cases/state-machine.js';
import { unprocessable } from '../../domain/errors.js';
import type { Tx } from '../../db/client.js';
import type { WriteBatch } from '../../db/write-batch.js';
import type { CaseRow, ItemRow } from '../../db/repos/cases-repo.js';
import type { ShopRow } from '../../db/repos/shops-repo.js';
import type { ServiceContext } from '../context.js';
import type { RefundRow } from '../../db/repos/refunds-repo.js';
import type { ActionInput } from './action-inputs.js';
import type { Ruling } from '../../domain/policy/verdict.js';
import { snapshotOf } from './case-transition.js';

export interface ActionContext<A extends CaseAction = CaseAction> {
  tx: Tx;
  ctx: ServiceContext;
  shop: ShopRow;
  /** The case, locked for the transaction. */
  c: CaseRow;
  action: A;
  actor: Actor;
  input: ActionInput<A>;
  now: Date;
  /** Refunds written in this transaction: they are paid once it commits. */
  writtenRefunds: RefundRow[];
  /** The action's writes, sent as one statement before it commits. */
  batch: WriteBatch;
  /** Why the system acts (a policy ruling's words in both languages): kept on the event, read in the reader's language. */
  reason?: Ruling['explanation'];
}

export type ActionHandler<A extends CaseAction = CaseAction> = (a: ActionContext<A>) => Promise<CaseRow>;

/** The items of a case named by an action, refusing ids of other cases. */
export function itemsById(items: ItemRow[], ids: string[]): Map<string, ItemRow> {
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const id of ids) if (!byId.has(id)) throw unprocessable('case.item_unknown', 'An item id does not belong to this case', { itemId: id });
  return byId;
}

/** The state machine's verdict on the move, before any side effect (throws its typed errors). */
export function plannedMove(a: ActionContext, resolution?: Parameters<typeof transition>[3]) {
  return transition(snapshotOf(a.c), a.action, a.actor, resolution);
}

