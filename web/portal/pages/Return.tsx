import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api.js';
import { portalApi } from '../api.js';
import { Alert, Spinner, StatusPill, useErrorText } from '../components/ui.js';
import { day, money, moment, pick } from '../format.js';
import { navigate } from '../router.js';
import type { CaseView, Session, ShopBrand } from '../types.js';
import { OfferCard } from './OfferCard.js';
import { EvidenceRequestCard } from './EvidenceRequestCard.js';
import { NotificationPrefs } from '../components/NotificationPrefs.js';
import { shippingText } from './shipping-text.js';
import { ReturnShipping } from './ReturnShipping.js';

export function ReturnPage({ shop, session, caseId, onExpired }: { shop: ShopBrand; session: Session; caseId: string; onExpired: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const errorText = useErrorText();
  const api = useMemo(() => portalApi(session.token), [session.token]);
  const [c, setCase] = useState<CaseView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [message, setMessage] = useState('');

  const handle = useCallback(
    (err: unknown) => {
      if (err instanceof ApiError && err.status === 401) onExpired();
      else setError(errorText(err));
    },
    [onExpired, errorText],
  );

  useEffect(() => {
    let live = true;
    api
      .getCase(caseId)
      .then((v) => live && setCase(v))
      .catch((err) => (err instanceof ApiError && err.status === 401 ? onExpired() : live && setLoadError(errorText(err))));
    return () => {
      live = false;
    };
  }, [api, caseId]);

  // A return of another order (after looking that one up), or gone: never a dead end.
  if (loadError)
    return (
      <div data-testid="return-load-error">
        <Alert>{loadError}</Alert>
        <p className="back">
          <a
            href={`/portal/${shop.slug}/order`}
            onClick={(e) => {
              e.preventDefault();
              navigate({ page: 'order', slug: shop.slug });
            }}
          >
            ← {t('return.toOrder', { number: session.orderNumber })}
          </a>
        </p>
        <p className="back">
          <a
            href={`/portal/${shop.slug}`}
            onClick={(e) => {
              e.preventDefault();
              navigate({ page: 'lookup', slug: shop.slug });
            }}
          >
            {t('return.lookUpAnother')}
          </a>
        </p>
      </div>
    );
  if (!c) return <p className="loading" role="status">{t('common.loading')}</p>;

  const run = async (name: string, action: () => Promise<CaseView>, done: string) => {
    setBusy(name);
    setError(null);
    setNotice(null);
    try {
      setCase(await action());
      setNotice(done);
      return true;
    } catch (err) {
      handle(err);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!message.trim()) return;
    if (await run('message', () => api.message(c.id, message.trim()), t('messages.sent'))) setMessage('');
  };

  const printLabel = async () => {
    setBusy('label');
    setError(null);
    try {
      const url = await api.labelUrl(c.id, lang);
      const a = document.createElement('a');
      a.href = url;
      a.download = `return-${c.rmaNumber}.pdf`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (err) {
      handle(err);
    } finally {
      setBusy(null);
    }
  };

  const r = c.refund;
  const m = (minor: number) => money(minor, c.currency, lang);
  const canShip = c.allowedActions.includes('buyer_shipped');
  const canCancel = c.allowedActions.includes('cancel');
  const exchange = c.type === 'exchange';
  // While an offer is open, the breakdown holds the offered amount: nothing is agreed yet.
  const offerOpen = c.status === 'offer_pending';
  const parcel = c.shipments.find((s) => s.direction === 'return');
  const next = t(`next.${c.status}`, { defaultValue: '' });

  return (
    <div>
      <p className="back">
        <a
          href={`/portal/${shop.slug}/order`}
          onClick={(e) => {
            e.preventDefault();
            navigate({ page: 'order', slug: shop.slug });
          }}
        >
          ← {t('return.backToOrder')}
        </a>
      </p>
      <h1>
        {t('return.title')} <span className="mono">{c.rmaNumber}</span>
      </h1>

      <section className="card status-card" aria-labelledby="status-h">
        <div className="status-head">
          <h2 id="status-h" className="sr-only">
            {t('return.status')}
          </h2>
          <StatusPill status={c.status} />
          <span className="muted small">{t('return.orderRef', { number: c.orderNumber })}</span>
        </div>
        <p className="status-text">{t(`status.${c.status}.text`)}</p>
        {c.rejection && (
          <p className="why why-no">
            {pick(c.rejection.label, lang)}
            {c.rejection.reason ? `: ${c.rejection.reason}` : ''}
          </p>
        )}
        {(next || c.nextDeadline) && (
          <div className="next">
            <h3>{t('return.nextStep')}</h3>
            {next && <p>{next}</p>}
            {c.nextDeadline && (
              <p className="deadline">
                <strong>{t(`deadline.${c.nextDeadline.kind}`, { date: moment(c.nextDeadline.dueAt, lang, shop.timezone) })}</strong>
              </p>
            )}
          </div>
        )}
        {c.returnAddress && c.returnMethod !== 'none' && (
          <div className="return-address" data-testid="portal-return-address">
            <h3>{t('returnAddress.title')}</h3>
            <p>
              {c.returnAddress.name} {c.returnAddress.phone}
              <br />
              {(lang.startsWith('zh') ? (c.returnAddress.addressZh ?? c.returnAddress.addressLatin) : (c.returnAddress.addressLatin ?? c.returnAddress.addressZh)) ?? ''}
              {c.returnAddress.postalCode ? ` ${c.returnAddress.postalCode}` : ''}
            </p>
          </div>
        )}
      </section>

      {notice && <Alert tone="success">{notice}</Alert>}
      {error && <Alert>{error}</Alert>}

      {c.evidenceRequest && (
        <EvidenceRequestCard
          c={c}
          due={moment(c.evidenceRequest.dueAt, lang, shop.timezone)}
          upload={(file, onProgress) => api.upload(c.id, file, undefined, onProgress)}
          answer={(ids, note) => run('evidence', () => api.answerEvidence(c.id, ids, note), t('buyerEvidence.sent'))}
        />
      )}

      <OfferCard
        c={c}
        busy={busy}
        onAccept={() => void run('accept', () => api.acceptOffer(c.id), t('offer.accepted'))}
        onDecline={(reason) => void run('decline', () => api.declineOffer(c.id, reason), t('offer.declined'))}
      />

      {c.label.available && (
        <section className="section card" aria-labelledby="label-h">
          <h2 id="label-h">{c.returnMethod === 'drop_off' ? t('label.dropOffTitle') : t('label.title')}</h2>
          <p>{t(`label.${c.returnMethod}`, { defaultValue: t('label.pickup') })}</p>
          {c.status === 'requested' && <p className="hint">{t('label.waitApproval')}</p>}
          {c.dropOff && (
            <figure className="qr">
              <div className="qr-img" role="img" aria-label={t('label.qrAlt', { code: c.dropOff.code })} dangerouslySetInnerHTML={{ __html: c.dropOff.qrSvg }} />
              <figcaption className="mono small">{c.dropOff.code}</figcaption>
            </figure>
          )}
          <button type="button" className="btn btn-secondary btn-block" onClick={printLabel} disabled={busy === 'label'}>
            {busy === 'label' && <Spinner />}
            {t('label.download')}
          </button>
        </section>
      )}

      {canShip && (
        <ReturnShipping
          c={c}
          api={api}
          onExpired={onExpired}
          ship={async (p) => {
            setCase(await api.shipped(c.id, p));
            setNotice(t('ship.done'));
          }}
        />
      )}

      {parcel && !canShip && (
        <section className="section card" aria-labelledby="parcel-h">
          <h2 id="parcel-h">{t('ship.parcel')}</h2>
          <p>
            {parcel.carrier} · <span className="mono">{parcel.trackingNumber}</span>
          </p>
        </section>
      )}

      <section className="section card" aria-labelledby="summary-h">
        <h2 id="summary-h">{t('return.summary')}</h2>
        <ul className="plain">
          {c.items.map((i) => (
            <li key={i.id} className="review-item">
              <div className="review-line">
                <span>{i.title}</span>
                <span className="muted">× {i.quantity}</span>
              </div>
              <div className="muted small">{pick(i.reasonLabel, lang) || i.reasonCode}</div>
            </li>
          ))}
        </ul>
        {c.replacements.length > 0 && (
          <p className="small">
            {t('return.replacement')} {c.replacements.map((x) => `${x.sku} × ${x.quantity}`).join(', ')}
          </p>
        )}
        {offerOpen && (
          <p className="hint" data-testid="summary-offer">
            {t('offer.summaryPending')}
          </p>
        )}
        <dl className="money">
          {!exchange && !offerOpen && (
            <div className="money-row total">
              <dt>{c.refundMethod === 'store_credit' ? t('money.storeCredit') : t('money.refundTotal')}</dt>
              <dd>{m(c.refundMethod === 'store_credit' ? r.storeCreditMinor : r.payoutMinor)}</dd>
            </div>
          )}
          {exchange && r.buyerOwesMinor > 0 && (
            <div className="money-row total">
              <dt>{t('money.youPay')}</dt>
              <dd>{m(r.buyerOwesMinor)}</dd>
            </div>
          )}
          {c.refundedMinor > 0 && (
            <div className="money-row">
              <dt>{t('money.refunded')}</dt>
              <dd>{m(c.refundedMinor)}</dd>
            </div>
          )}
        </dl>
        <p className="small">
          <strong>{t('review.shipping')}</strong> {shippingText(t, c.returnShippingPaidBy, r.labelCostMinor, m)}
        </p>
        <p className="muted small">
          {t(`resolution.${exchange ? 'exchange' : c.refundMethod === 'store_credit' ? 'store_credit' : 'refund'}`)} · {t(`method.${c.returnMethod}`)}
        </p>
      </section>

      {(c.compensations ?? []).length > 0 && (
        <section className="section card" aria-labelledby="care-h" data-testid="portal-compensation">
          <h2 id="care-h">{t('care.compensation.title')}</h2>
          <p className="muted small">{t('care.compensation.intro')}</p>
          <ul className="plain-list">
            {(c.compensations ?? []).map((x) => (
              <li key={x.id}>
                <strong>{x.kind === 'points' ? t('care.compensation.points', { points: x.points }) : t(`care.compensation.${x.kind}`, { amount: money(x.amountMinor, x.currency, lang) })}</strong>
                {x.couponCode && (
                  <>
                    {' '}
                    <span className="mono" data-testid="portal-coupon-code">{x.couponCode}</span>
                  </>
                )}
                {x.expiresAt && <span className="muted small"> · {t('care.compensation.validUntil', { date: day(x.expiresAt, lang, shop.timezone) })}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="section card" aria-labelledby="timeline-h">
        <h2 id="timeline-h">{t('return.timeline')}</h2>
        <ol className="timeline">
          {[...c.timeline].reverse().map((e) => (
            <li key={e.id}>
              <span className="dot" aria-hidden="true" />
              <div>
                <strong>{t([`event.${e.type}`, `care.event.${e.type}`], { defaultValue: e.to ? t(`status.${e.to}.title`) : t('event.updated') })}</strong>
                {e.explanation && <div className="small">{e.explanation}</div>}
                <div className="muted small">
                  <time dateTime={e.at}>{moment(e.at, lang, shop.timezone)}</time>
                </div>
              </div>
            </li>
          ))}
        </ol>
      </section>

      <section className="section card" aria-labelledby="messages-h">
        <h2 id="messages-h">{t('messages.title')}</h2>
        {c.messages.length === 0 ? (
          <p className="muted">{t('messages.none')}</p>
        ) : (
          <ul className="messages" aria-live="polite">
            {c.messages.map((msg) => (
              <li key={msg.id} className={msg.author === 'buyer' ? 'msg msg-me' : 'msg'}>
                <span className="msg-who">{msg.author === 'buyer' ? t('messages.you') : shop.name}</span>
                <p>{msg.body}</p>
                <time className="muted small" dateTime={msg.createdAt}>
                  {moment(msg.createdAt, lang, shop.timezone)}
                </time>
              </li>
            ))}
          </ul>
        )}
        {c.allowedActions.includes('message') && (
          <form className="form" onSubmit={send}>
            <div className="field">
              <label htmlFor="message">{t('messages.write')}</label>
              <textarea id="message" rows={3} maxLength={5000} value={message} onChange={(e) => setMessage(e.target.value)} />
            </div>
            <button type="submit" className="btn btn-secondary btn-block" disabled={busy === 'message' || !message.trim()}>
              {busy === 'message' && <Spinner />}
              {t('messages.send')}
            </button>
          </form>
        )}
      </section>

      <NotificationPrefs api={api} />

      {canCancel && (
        <section className="section card danger-zone" aria-labelledby="cancel-h">
          <h2 id="cancel-h">{t('cancel.title')}</h2>
          {!confirmCancel ? (
            <>
              <p className="small">{t('cancel.text')}</p>
              <button type="button" className="btn btn-danger-outline btn-block" onClick={() => setConfirmCancel(true)}>
                {t('cancel.button')}
              </button>
            </>
          ) : (
            <>
              <p className="small" role="alert">{t('cancel.confirmText')}</p>
              <div className="actions-2">
                <button type="button" className="btn btn-secondary" onClick={() => setConfirmCancel(false)}>
                  {t('cancel.keep')}
                </button>
                <button
                  type="button"
                  className="btn btn-danger"
                  disabled={busy === 'cancel'}
                  onClick={async () => {
                    await run('cancel', () => api.cancel(c.id), t('cancel.done'));
                    setConfirmCancel(false);
                  }}
                >
                  {busy === 'cancel' && <Spinner />}
                  {t('cancel.confirm')}
                </button>
              </div>
            </>
          )}
        </section>
      )}
    </div>
  );
}
