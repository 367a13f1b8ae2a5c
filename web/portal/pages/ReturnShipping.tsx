import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api.js';
import type { PortalApi } from '../api.js';
import { Spinner } from '../components/ui.js';
import { moment } from '../format.js';
import type { CaseView, PortalCarrierView, PortalParcel } from '../types.js';

const CARRIERS: Record<string, string[]> = {
  'zh-CN': ['顺丰速运', '中通快递', '圆通速递', '申通快递', '韵达快递', '京东物流', 'EMS', '极兔速递'],
  en: ['Royal Mail', 'DHL', 'UPS', 'FedEx', 'DPD', 'Evri', 'SF Express'],
};
/** Two-hour pickup windows a courier can usually keep (the carrier confirms or moves it). */
const SLOTS = ['09:00-11:00', '11:00-13:00', '13:00-15:00', '15:00-17:00', '17:00-19:00'];

type Choice = 'pickup' | 'drop_off' | 'self';

// The server's own normalisation (domain/carriers/tracking-numbers.ts): the page checks the same way before sending.
const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
const normalise = (s: string) => s.normalize('NFKC').replace(/[\s\-_]+/g, '').toUpperCase();
const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * How the buyer sends an approved return back (issue 17 point 7): a courier pickup booked in a
 * window at their address, or a drop-off code the station scans — where the shop's carrier
 * offers them — or their own courier, with the tracking number checked against the carrier's
 * format. Without a carrier that can book, only the last is shown, as before.
 */
export function ReturnShipping({
  c,
  api,
  ship,
  onExpired,
}: {
  c: CaseView;
  api: PortalApi;
  ship: (parcel: { carrier: string; trackingNumber: string }) => Promise<unknown>;
  onExpired: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [view, setView] = useState<PortalCarrierView | null>(null);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const tomorrow = useMemo(() => localDay(new Date(Date.now() + 86_400_000)), []);
  const [day, setDay] = useState(tomorrow);
  const [slot, setSlot] = useState(SLOTS[0]!);
  const [address, setAddress] = useState({ name: '', phone: '', line: '' });
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ carrier?: string; tracking?: string; address?: string }>({});

  const fail = (err: unknown) => {
    if (err instanceof ApiError && err.status === 401) return onExpired();
    const key = err instanceof ApiError ? `errors.${err.code}` : '';
    setError(key && t(key) !== key ? t(key) : t('errors.generic'));
  };

  useEffect(() => {
    let live = true;
    api
      .carrier(c.id)
      .then((v) => {
        if (!live) return;
        setView(v);
        if (v.pickupAddress) setAddress({ name: v.pickupAddress.name, phone: v.pickupAddress.phone, line: v.pickupAddress.line });
      })
      .catch((err) => live && fail(err));
    return () => {
      live = false;
    };
  }, [api, c.id, c.status]);

  if (!view) return null;
  const booked = view.parcels.find((p) => (p.pickup || p.dropOffCode) && p.status !== 'cancelled');
  const cancelled = view.parcels.find((p) => p.pickup && p.status === 'cancelled');
  const choices: Choice[] = [...(view.pickup ? (['pickup'] as const) : []), ...(view.dropOff ? (['drop_off'] as const) : []), 'self'];
  const shown = choices.length === 1 ? 'self' : choice;

  const book = async (body: Parameters<PortalApi['book']>[1]) => {
    setBusy(true);
    setError(null);
    try {
      setView(await api.book(c.id, body));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const bookPickup = async (e: FormEvent) => {
    e.preventDefault();
    const [from, to] = slot.split('-');
    const windowStart = new Date(`${day}T${from}:00`);
    const windowEnd = new Date(`${day}T${to}:00`);
    if (!address.name.trim() || !address.phone.trim() || !address.line.trim()) return setFieldErrors({ address: t('pickup.addressRequired') });
    setFieldErrors({});
    await book({ method: 'pickup', windowStart: windowStart.toISOString(), windowEnd: windowEnd.toISOString(), address: { name: address.name.trim(), phone: address.phone.trim(), line: address.line.trim() } });
  };

  const sendTracking = async (e: FormEvent) => {
    e.preventDefault();
    const format = view.formats.find((f) => [f.code, ...f.names].some((n) => squash(n) === squash(carrier)));
    const problems = {
      ...(carrier.trim() ? {} : { carrier: t('ship.carrierRequired') }),
      ...(format
        ? new RegExp(format.pattern).test(normalise(tracking))
          ? {}
          : { tracking: t('ship.numberFormat', { carrier: carrier.trim(), example: format.example }) }
        : /^[A-Za-z0-9 -]{4,100}$/.test(tracking.trim())
          ? {}
          : { tracking: t('ship.trackingInvalid') }),
    };
    setFieldErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    setError(null);
    try {
      await ship({ carrier: carrier.trim(), trackingNumber: tracking.trim() });
    } catch (err) {
      // The server checks the same formats: its answer names an example.
      if (err instanceof ApiError && err.code === 'tracking.invalid_number') setFieldErrors({ tracking: t('ship.numberFormat', { carrier: carrier.trim(), example: String(err.details.example ?? '') }) });
      else fail(err);
    } finally {
      setBusy(false);
    }
  };

  if (booked) return <BookedParcel parcel={booked} />;

  return (
    <section className="section card" aria-labelledby="ship-h" data-testid="return-shipping">
      <h2 id="ship-h">{choices.length === 1 ? t('ship.title') : t('shipping.title')}</h2>
      {cancelled && (
        <p className="alert alert-info" role="status" data-testid="pickup-cancelled">
          {t('pickup.cancelled')}
        </p>
      )}
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      {choices.length > 1 && (
        <fieldset className="options" data-testid="shipping-choices">
          <legend className="sr-only">{t('shipping.title')}</legend>
          {choices.map((x) => (
            <label key={x} className={`option ${shown === x ? 'option-on' : ''}`}>
              <input type="radio" name="shipping" value={x} checked={shown === x} onChange={() => setChoice(x)} data-testid={`shipping-${x}`} />
              <span>
                <strong>{t(`shipping.${x}`)}</strong>
                <span className="option-help">{t(`shipping.${x}Help`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}

      {shown === 'pickup' && (
        <form className="form section" onSubmit={bookPickup} noValidate data-testid="pickup-form">
          <div className="field">
            <label htmlFor="pickup-day">{t('pickup.day')}</label>
            <input id="pickup-day" type="date" min={tomorrow} value={day} onChange={(e) => setDay(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="pickup-slot">{t('pickup.window')}</label>
            <select id="pickup-slot" value={slot} onChange={(e) => setSlot(e.target.value)}>
              {SLOTS.map((s) => (
                <option key={s} value={s}>
                  {s.replace('-', ' – ')}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="pickup-name">{t('pickup.name')}</label>
            <input id="pickup-name" autoComplete="name" value={address.name} onChange={(e) => setAddress({ ...address, name: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="pickup-phone">{t('pickup.phone')}</label>
            <input id="pickup-phone" type="tel" autoComplete="tel" value={address.phone} onChange={(e) => setAddress({ ...address, phone: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="pickup-line">{t('pickup.address')}</label>
            <textarea id="pickup-line" rows={2} autoComplete="street-address" value={address.line} onChange={(e) => setAddress({ ...address, line: e.target.value })} />
            {fieldErrors.address && <p className="field-error">{fieldErrors.address}</p>}
          </div>
          <button type="submit" className="btn btn-primary btn-block" disabled={busy} data-testid="pickup-submit">
            {busy && <Spinner />}
            {t('pickup.submit')}
          </button>
        </form>
      )}

      {shown === 'drop_off' && (
        <div className="section">
          <p className="small">{t('dropOff.intro')}</p>
          <button type="button" className="btn btn-primary btn-block" disabled={busy} onClick={() => void book({ method: 'drop_off' })} data-testid="drop-off-submit">
            {busy && <Spinner />}
            {t('dropOff.submit')}
          </button>
        </div>
      )}

      {shown === 'self' && (
        <form className="form section" onSubmit={sendTracking} noValidate>
          <div className="field">
            <label htmlFor="carrier">{t('ship.carrier')}</label>
            <input id="carrier" list="carriers" value={carrier} onChange={(e) => setCarrier(e.target.value)} aria-invalid={fieldErrors.carrier ? true : undefined} aria-describedby={fieldErrors.carrier ? 'carrier-error' : undefined} />
            <datalist id="carriers">
              {(CARRIERS[lang] ?? CARRIERS.en!).map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
            {fieldErrors.carrier && (
              <p id="carrier-error" className="field-error">
                {fieldErrors.carrier}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="tracking">{t('ship.tracking')}</label>
            <input id="tracking" autoCapitalize="characters" spellCheck={false} value={tracking} onChange={(e) => setTracking(e.target.value)} aria-invalid={fieldErrors.tracking ? true : undefined} aria-describedby={fieldErrors.tracking ? 'tracking-error' : undefined} />
            {fieldErrors.tracking && (
              <p id="tracking-error" className="field-error">
                {fieldErrors.tracking}
              </p>
            )}
          </div>
          <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
            {busy && <Spinner />}
            {t('ship.submit')}
          </button>
        </form>
      )}
    </section>
  );
}

/** The pickup or drop-off code booked: when the courier comes (and who), or the code to show. */
function BookedParcel({ parcel }: { parcel: PortalParcel }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const p = parcel.pickup;
  return (
    <section className="section card" aria-labelledby="booked-h" data-testid="return-booked">
      <h2 id="booked-h">{p ? t('pickup.booked') : t('dropOff.title')}</h2>
      {p ? (
        <>
          <p data-testid="pickup-window">
            {/* In the buyer's own time, as they chose it. */}
            {t('pickup.when', { from: moment(p.windowStart, lang), to: moment(p.windowEnd, lang) })}
            <br />
            <span className="muted small">{p.address.line}</span>
          </p>
          <p data-testid="pickup-status">
            <strong>{t(`pickup.status.${p.status ?? 'submitted'}`)}</strong>
            {p.courier && (p.courier.name || p.courier.phone) && <> · {t('pickup.courier', { name: p.courier.name ?? '', phone: p.courier.phone ?? '' })}</>}
          </p>
          <p className="small muted">{t('pickup.prepare')}</p>
        </>
      ) : (
        <>
          <p className="small">{t('dropOff.show')}</p>
          <figure className="qr">
            <img src={parcel.dropOffCode!} alt={t('label.qrAlt', { code: parcel.trackingNumber })} width={200} height={200} />
          </figure>
        </>
      )}
      <p className="small">
        {parcel.carrier} · <span className="mono">{parcel.trackingNumber}</span>
      </p>
    </section>
  );
}
