import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api.js';
import { portalApi } from '../api.js';
import { Alert, Spinner, StatusPill, useErrorText } from '../components/ui.js';
import { money } from '../format.js';
import { navigate } from '../router.js';
import type { GroupView, Session, ShopBrand } from '../types.js';

/** A return across several orders: its one code and label, and each order's own return in it. */
export function GroupPage({ shop, session, code, onExpired }: { shop: ShopBrand; session: Session; code: string; onExpired: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const errorText = useErrorText();
  const api = useMemo(() => portalApi(session.token), [session.token]);
  const [group, setGroup] = useState<GroupView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = (err: unknown) => {
    if (err instanceof ApiError && err.status === 401) return onExpired();
    setError(errorText(err));
  };

  useEffect(() => {
    api.getGroup(code).then(setGroup, fail);
  }, [api, code]);

  const printLabel = async () => {
    setBusy(true);
    setError(null);
    try {
      const url = await api.groupLabelUrl(code, lang);
      const a = document.createElement('a');
      a.href = url;
      a.download = `return-${code}.pdf`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  if (!group) return error ? <Alert>{error}</Alert> : <p className="loading" role="status">{t('common.loading')}</p>;
  const units = group.cases.reduce((a, c) => a + c.items.reduce((b, i) => b + i.quantity, 0), 0);

  return (
    <div data-testid="group-page">
      <h1>{t('group.title')}</h1>
      {/* The code stands alone: long, and what the buyer reads out or writes on the parcel. */}
      <div className="card">
        <span className="meta-label">{t('group.code')}</span>
        <div>
          <strong className="mono" data-testid="group-code" style={{ fontSize: '1.25rem', overflowWrap: 'anywhere' }}>
            {group.code}
          </strong>
        </div>
        <p className="line-sub">
          {t('group.parcel')}: {t('group.parcelText', { orders: group.cases.length, items: units })}
        </p>
      </div>
      <p className="lead">{t('group.intro')}</p>
      {group.labelAvailable && (
        <button type="button" className="btn btn-primary btn-block" onClick={() => void printLabel()} disabled={busy} data-testid="group-label">
          {busy && <Spinner />}
          {t('group.label')}
        </button>
      )}
      {error && <Alert>{error}</Alert>}
      <section className="section" aria-labelledby="group-cases">
        <h2 id="group-cases">{t('group.cases')}</h2>
        <ul className="list">
          {group.cases.map((c) => (
            <li key={c.id} className="card" data-testid="group-case">
              <div className="row-card">
                <div>
                  <strong className="mono">{c.rmaNumber}</strong> <StatusPill status={c.status} />
                  <div className="line-sub">
                    {t('combine.order')} <span className="mono">{c.orderNumber}</span> · {t('group.refund', { amount: money(c.refundMinor, c.currency, lang) })}
                  </div>
                </div>
              </div>
              <ul className="plain">
                {c.items.map((i) => (
                  <li key={i.id} className="line-sub">
                    {i.title} <span className="mono">{i.sku}</span> × {i.quantity}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
      <button type="button" className="btn btn-secondary btn-block" onClick={() => navigate({ page: 'order', slug: shop.slug })}>
        {t('combine.back')}
      </button>
    </div>
  );
}
