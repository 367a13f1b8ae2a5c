import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../components/ui.js';
import { money } from '../format.js';
import type { CaseView } from '../types.js';

/** The shop's partial-refund offer, answered here by the buyer (accept keeps the goods; decline sends the request back to the shop). */
export function OfferCard({ c, busy, onAccept, onDecline }: { c: CaseView; busy: string | null; onAccept: () => void; onDecline: (reason: string) => void }) {
  const { t, i18n } = useTranslation();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  if (c.status !== 'offer_pending' || c.offerAmountMinor === null) return null;
  const canAccept = c.allowedActions.includes('accept_offer');
  const canDecline = c.allowedActions.includes('decline_offer');
  return (
    <section className="section card offer-card" aria-labelledby="offer-h">
      <h2 id="offer-h">{t('offer.title')}</h2>
      <p className="offer-amount" data-testid="offer-amount">
        {money(c.offerAmountMinor, c.currency, i18n.language)}
      </p>
      <p className="small">{t('offer.text')}</p>
      {!declining ? (
        <div className="actions-2">
          {canDecline && (
            <button type="button" className="btn btn-secondary" onClick={() => setDeclining(true)}>
              {t('offer.decline')}
            </button>
          )}
          {canAccept && (
            <button type="button" className="btn btn-primary" disabled={busy === 'accept'} onClick={onAccept}>
              {busy === 'accept' && <Spinner />}
              {t('offer.accept')}
            </button>
          )}
        </div>
      ) : (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            onDecline(reason.trim());
          }}
        >
          <div className="field">
            <label htmlFor="decline-reason">{t('offer.reason')}</label>
            <textarea id="decline-reason" rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <p className="hint">{t('offer.declineHint')}</p>
          <div className="actions-2">
            <button type="button" className="btn btn-secondary" onClick={() => setDeclining(false)}>
              {t('offer.back')}
            </button>
            <button type="submit" className="btn btn-danger" disabled={busy === 'decline'}>
              {busy === 'decline' && <Spinner />}
              {t('offer.confirmDecline')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
