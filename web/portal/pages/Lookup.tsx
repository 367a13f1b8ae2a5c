import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { lookUp } from '../api.js';
import { Alert, Spinner, useErrorText } from '../components/ui.js';
import { navigate } from '../router.js';
import type { Session, ShopBrand } from '../types.js';

export function LookupPage({ shop, session, onSession }: { shop: ShopBrand; session: Session | null; onSession: (s: Session) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  // A link from an e-mail or text message carries the order number (?order=): the buyer only confirms their contact.
  const [orderNumber, setOrderNumber] = useState(() => new URLSearchParams(window.location.search).get('order') ?? '');
  const [by, setBy] = useState<'email' | 'phone'>('email');
  const [contact, setContact] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!orderNumber.trim() || !contact.trim()) {
      setError(t('lookup.missing'));
      return;
    }
    setBusy(true);
    try {
      const s = await lookUp({ shopSlug: shop.slug, orderNumber: orderNumber.trim(), [by]: contact.trim() });
      onSession(s);
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <h1>{t('lookup.title')}</h1>
      <p className="lead">{t('lookup.intro')}</p>
      {session && (
        <div className="card continue">
          <p>{t('lookup.continue', { number: session.orderNumber })}</p>
          <button type="button" className="btn btn-secondary" onClick={() => navigate({ page: 'order', slug: shop.slug })}>
            {t('lookup.continueButton')}
          </button>
        </div>
      )}
      <form className="card form" onSubmit={submit} noValidate aria-describedby={error ? 'lookup-error' : undefined}>
        <div className="field">
          <label htmlFor="order-number">{t('lookup.orderNumber')}</label>
          <input id="order-number" name="orderNumber" autoComplete="off" autoCapitalize="characters" spellCheck={false} value={orderNumber} onChange={(e) => setOrderNumber(e.target.value)} placeholder={t('lookup.orderNumberPlaceholder')} required />
        </div>
        <fieldset className="field">
          <legend>{t('lookup.verifyWith')}</legend>
          <div className="segmented">
            {(['email', 'phone'] as const).map((k) => (
              <label key={k} className={by === k ? 'seg seg-on' : 'seg'}>
                <input type="radio" name="by" value={k} checked={by === k} onChange={() => { setBy(k); setContact(''); }} />
                {t(`lookup.${k}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="contact">{by === 'email' ? t('lookup.emailLabel') : t('lookup.phoneLabel')}</label>
          <input
            id="contact"
            name={by}
            type={by === 'email' ? 'email' : 'tel'}
            inputMode={by === 'email' ? 'email' : 'tel'}
            autoComplete={by === 'email' ? 'email' : 'tel'}
            value={contact}
            onChange={(e) => setContact(e.target.value)}
            required
          />
        </div>
        {error && <div id="lookup-error"><Alert>{error}</Alert></div>}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy && <Spinner />}
          {t('lookup.submit')}
        </button>
        <p className="hint">{t('lookup.privacy')}</p>
      </form>
    </div>
  );
}
