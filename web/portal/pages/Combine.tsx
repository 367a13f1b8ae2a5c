import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api.js';
import { portalApi } from '../api.js';
import { Alert, Spinner, useErrorText } from '../components/ui.js';
import { day, money, pick } from '../format.js';
import { navigate } from '../router.js';
import type { BuyerOrder, GroupRequest, Session, ShopBrand } from '../types.js';

interface Chosen {
  quantity: number;
  reasonCode: string;
}

/**
 * One return of items from several of the buyer's orders (issue 19 §9): one parcel, one label,
 * one case per order on the server. Reasons that need photos are left out here: those items go
 * back through their own order's return, where photos can be added.
 */
export function CombinePage({ shop, session, onExpired }: { shop: ShopBrand; session: Session; onExpired: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const errorText = useErrorText();
  const api = useMemo(() => portalApi(session.token), [session.token]);
  const [orders, setOrders] = useState<BuyerOrder[] | null>(null);
  const [picks, setPicks] = useState<Record<string, Chosen>>({});
  const [method, setMethod] = useState<GroupRequest['returnMethod']>('drop_off');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [missingReason, setMissingReason] = useState<Set<string>>(new Set());

  const fail = (err: unknown) => {
    if (err instanceof ApiError && err.status === 401) return onExpired();
    setError(errorText(err));
  };

  useEffect(() => {
    api.buyerOrders().then((r) => setOrders(r.orders), fail);
  }, [api]);

  if (!orders) return error ? <Alert>{error}</Alert> : <p className="loading" role="status">{t('common.loading')}</p>;

  const toggle = (lineId: string, on: boolean) => {
    // A choice changed: an earlier complaint about the choice no longer holds.
    setError(null);
    setPicks((prev) => {
      const next = { ...prev };
      if (on) next[lineId] = { quantity: 1, reasonCode: '' };
      else delete next[lineId];
      return next;
    });
  };
  const update = (lineId: string, patch: Partial<Chosen>) => setPicks((prev) => ({ ...prev, [lineId]: { ...prev[lineId]!, ...patch } }));

  const chosenOrders = orders.filter((o) => o.lines.some((l) => picks[l.lineId]));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const missing = new Set(Object.entries(picks).filter(([, p]) => !p.reasonCode).map(([id]) => id));
    setMissingReason(missing);
    if (chosenOrders.length < 2) return setError(t('combine.twoOrders'));
    if (missing.size > 0) return setError(t('choose.fixErrors'));
    setBusy(true);
    try {
      const group = await api.createGroup({
        returnMethod: method,
        orders: chosenOrders.map((o) => ({
          orderId: o.orderId,
          items: o.lines.filter((l) => picks[l.lineId]).map((l) => ({ lineId: l.lineId, quantity: picks[l.lineId]!.quantity, reasonCode: picks[l.lineId]!.reasonCode })),
        })),
      });
      navigate({ page: 'group', slug: shop.slug, code: group.code });
    } catch (err) {
      fail(err);
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="combine-page">
      <h1>{t('combine.title')}</h1>
      <p className="lead">{t('combine.intro')}</p>
      {orders.map((o) => {
        const reasons = (l: BuyerOrder['lines'][number]) => o.reasons.filter((r) => !r.evidenceRequired && l.allowedReasons.includes(r.code));
        return (
          <section key={o.orderId} className="section" aria-labelledby={`order-${o.orderId}`} data-testid="combine-order">
            <h2 id={`order-${o.orderId}`}>
              {t('combine.order')} <span className="mono">{o.number}</span>
            </h2>
            <p className="hint">{t('order.placed')}: {day(o.placedAt, lang, shop.timezone)}</p>
            <ul className="list">
              {o.lines.map((l) => {
                const p = picks[l.lineId];
                const can = l.eligible && l.returnableQuantity > 0 && reasons(l).length > 0;
                const id = l.lineId;
                return (
                  <li key={id} className={`card line ${p ? 'line-on' : ''} ${can ? '' : 'line-off'}`}>
                    <div className="line-head">
                      {can ? (
                        <input id={`cpick-${id}`} type="checkbox" className="check" checked={!!p} onChange={(e) => toggle(id, e.target.checked)} aria-describedby={`cwhy-${id}`} />
                      ) : (
                        <span className="check-placeholder" aria-hidden="true" />
                      )}
                      <div className="line-body">
                        <label htmlFor={can ? `cpick-${id}` : undefined} className="line-title">
                          {l.title}
                        </label>
                        <div className="line-sub">
                          <span className="mono">{l.sku}</span> · {t('choose.qtyBought', { count: l.quantity })} · {money(l.paidMinor, o.currency, lang)}
                        </div>
                        <p id={`cwhy-${id}`} className={can ? 'why why-ok' : 'why why-no'}>
                          <strong>{can ? (l.noReasonUntil ? t('choose.returnableUntil', { date: day(l.noReasonUntil, lang, shop.timezone) }) : t('choose.returnable')) : t('combine.notHere')}</strong>
                          <span className="why-text">{pick(l.explanation, lang)}</span>
                        </p>
                      </div>
                    </div>
                    {p && (
                      <div className="line-form grid-2">
                        <div className="field">
                          <label htmlFor={`cqty-${id}`}>{t('choose.quantity')}</label>
                          <select id={`cqty-${id}`} value={p.quantity} onChange={(e) => update(id, { quantity: Number(e.target.value) })}>
                            {Array.from({ length: l.returnableQuantity }, (_, i) => i + 1).map((n) => (
                              <option key={n} value={n}>
                                {n}
                              </option>
                            ))}
                          </select>
                        </div>
                        <div className="field">
                          <label htmlFor={`creason-${id}`}>{t('choose.reason')}</label>
                          <select
                            id={`creason-${id}`}
                            value={p.reasonCode}
                            onChange={(e) => update(id, { reasonCode: e.target.value })}
                            aria-invalid={missingReason.has(id) && !p.reasonCode ? true : undefined}
                          >
                            <option value="">{t('choose.reasonPlaceholder')}</option>
                            {reasons(l).map((r) => (
                              <option key={r.code} value={r.code}>
                                {pick(r.label, lang)}
                              </option>
                            ))}
                          </select>
                          {missingReason.has(id) && !p.reasonCode && <p className="field-error">{t('choose.reasonRequired')}</p>}
                        </div>
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}

      <section className="section card form">
        <fieldset className="field">
          <legend>{t('method.title')}</legend>
          <div className="segmented">
            {(['drop_off', 'pickup'] as const).map((m) => (
              <label key={m} className={method === m ? 'seg seg-on' : 'seg'}>
                <input type="radio" name="method" value={m} checked={method === m} onChange={() => setMethod(m)} />
                {t(`method.${m}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <p className="hint" data-testid="combine-summary">
          {t('combine.summary', { count: chosenOrders.length, orders: chosenOrders.length, items: Object.values(picks).reduce((a, p) => a + p.quantity, 0) })}
        </p>
        {error && <Alert>{error}</Alert>}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy} data-testid="combine-submit">
          {busy && <Spinner />}
          {t('combine.submit')}
        </button>
        <button type="button" className="btn btn-secondary btn-block" onClick={() => navigate({ page: 'order', slug: shop.slug })}>
          {t('combine.back')}
        </button>
      </section>
    </form>
  );
}

/** On the order page: when the buyer has other orders here, one parcel can carry items of several. */
export function CombineOffer({ shop, session }: { shop: ShopBrand; session: Session }) {
  const { t } = useTranslation();
  const api = useMemo(() => portalApi(session.token), [session.token]);
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    // Quietly absent on any error: the order's own return does not depend on it.
    api.buyerOrders().then((r) => live && setCount(r.orders.filter((o) => o.lines.some((l) => l.eligible && l.returnableQuantity > 0)).length), () => undefined);
    return () => {
      live = false;
    };
  }, [api]);
  if (count < 2) return null;
  return (
    <div className="card row-card" data-testid="combine-offer">
      <p>{t('combine.offer', { count })}</p>
      <button type="button" className="btn btn-secondary btn-small" onClick={() => navigate({ page: 'combine', slug: shop.slug })} data-testid="combine-start">
        {t('combine.start')}
      </button>
    </div>
  );
}
