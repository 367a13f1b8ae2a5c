import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api.js';
import { portalApi } from '../api.js';
import { Alert, Spinner, StatusPill, useErrorText } from '../components/ui.js';
import { day, money, percent, pick } from '../format.js';
import { navigate } from '../router.js';
import { CombineOffer } from './Combine.js';
import { shippingText } from './shipping-text.js';
import type { CaseView, LineResolution, OrderLine, OrderView, Preview, Reason, Resolution, ReturnMethod, ReturnRequest, Session, ShopBrand } from '../types.js';

/** Photo and video types the server accepts (it reads the bytes; this only saves a wasted upload). */
const MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/heic', 'image/heif', 'image/avif', 'video/mp4', 'video/quicktime', 'video/webm'];
const MAX_FILES = 6;

interface Choice {
  selected: boolean;
  quantity: number;
  reasonCode: string;
  note: string;
  replacementSku: string;
  /** Money back or a replacement for this item (used unless the whole request is an exchange). */
  lineResolution: LineResolution;
  files: File[];
}

interface Upload {
  name: string;
  progress: number;
  error: string | null;
}

const emptyChoice = (): Choice => ({ selected: false, quantity: 1, reasonCode: '', note: '', replacementSku: '', lineResolution: 'refund', files: [] });

/** Reasons a line may be returned for in the portal (returns, exchanges, and keep-the-item refunds where the goods need not come back). */
function reasonsFor(line: OrderLine, reasons: Reason[]): Reason[] {
  return reasons.filter(
    (r) => line.allowedReasons.includes(r.code) && (!r.caseTypes || r.caseTypes.some((t) => t === 'return_refund' || t === 'exchange' || (t === 'refund_only' && line.noReturnNeeded))),
  );
}

const sizeText = (bytes: number) => (bytes >= 1 << 20 ? `${Math.round(bytes / (1 << 20))} MB` : `${Math.round(bytes / 1024)} KB`);

export function OrderPage({ shop, session, onExpired }: { shop: ShopBrand; session: Session; onExpired: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const errorText = useErrorText();
  const api = useMemo(() => portalApi(session.token), [session.token]);
  const [view, setView] = useState<OrderView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [resolution, setResolution] = useState<Resolution | ''>('');
  const [method, setMethod] = useState<ReturnMethod | ''>('');
  const [note, setNote] = useState('');
  const [step, setStep] = useState<'choose' | 'review'>('choose');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [created, setCreated] = useState<CaseView | null>(null);
  // Exchange-first (issue 19 §3): money back is shown once the buyer asks for it.
  const [refundAnyway, setRefundAnyway] = useState(false);

  const fail = (err: unknown) => {
    if (err instanceof ApiError && err.status === 401) onExpired();
    else setError(errorText(err));
  };

  useEffect(() => {
    api
      .order()
      .then((v) => {
        setView(v);
        setChoices(Object.fromEntries(v.lines.map((l) => [l.lineId, emptyChoice()])));
      })
      .catch((err) => (err instanceof ApiError && err.status === 401 ? onExpired() : setLoadError(errorText(err))));
  }, [api]);

  if (loadError) return <Alert>{loadError}</Alert>;
  if (!view) return <p className="loading" role="status">{t('common.loading')}</p>;

  const currency = view.order.currency;
  const reasonOf = (code: string) => view.reasons.find((r) => r.code === code);
  const selected = view.lines.filter((l) => choices[l.lineId]?.selected);
  const delivered = view.order.deliveredAt !== null;
  const exchangeable = (l: OrderLine) => view.policy.exchangesEnabled && l.exchangeOptions.length > 0 && l.allowedCaseTypes.includes('exchange');
  const canExchange = selected.length > 0 && selected.every(exchangeable);
  // Each item's own choice, unless the whole request is an exchange.
  const lineResolutionOf = (l: OrderLine): LineResolution => (resolution === 'exchange' && canExchange ? 'exchange' : exchangeable(l) ? choices[l.lineId]!.lineResolution : 'refund');
  const exchanged = selected.filter((l) => lineResolutionOf(l) === 'exchange');
  const mixed = exchanged.length > 0 && exchanged.length < selected.length;
  const canKeep =
    exchanged.length === 0 &&
    resolution !== 'exchange' &&
    selected.length > 0 &&
    selected.every((l) => l.noReturnNeeded && (!delivered || reasonOf(choices[l.lineId]!.reasonCode)?.fault !== 'buyer'));
  const resolutions: Resolution[] = [
    ...(view.policy.refundMethods.includes('original') ? (['refund'] as const) : []),
    ...(view.policy.refundMethods.includes('store_credit') ? (['store_credit'] as const) : []),
    ...(canExchange ? (['exchange'] as const) : []),
  ];
  const offerFirst = !!view.exchangeFirst?.enabled;
  const alternatives = resolutions.filter((r) => r !== 'refund').sort((a, b) => (a === 'exchange' ? -1 : b === 'exchange' ? 1 : 0));
  const hideRefund = offerFirst && alternatives.length > 0 && !refundAnyway && resolution !== 'refund';
  const shownResolutions: Resolution[] = offerFirst && alternatives.length > 0 ? [...alternatives, ...(hideRefund ? [] : resolutions.filter((r) => r === 'refund'))] : resolutions;
  // Every item exchanged item by item is an exchange; a mixed request asks how the refunded items are paid.
  const chosen = resolution && resolutions.includes(resolution) ? resolution : '';
  const effectiveResolution: Resolution | '' = exchanged.length > 0 && !mixed ? 'exchange' : mixed && chosen === 'exchange' ? '' : chosen;
  // Pickup and drop-off only where the policy lets the goods come back (never before shipment: that is a refund only).
  const sendBackType = exchanged.length > 0 ? 'exchange' : 'return_refund';
  const canSendBack = selected.length === 0 || selected.every((l) => l.allowedCaseTypes.includes(sendBackType));
  const methods: ReturnMethod[] = [...(canSendBack ? (['pickup', 'drop_off'] as const) : []), ...(canKeep ? (['none'] as const) : [])];
  const onlyMethod = methods.length === 1 ? methods[0]! : null;
  const effectiveMethod = onlyMethod ?? (method && methods.includes(method) ? method : '');
  const shipped = view.order.shippedAt !== null;

  const update = (lineId: string, patch: Partial<Choice>) => {
    setChoices((c) => ({ ...c, [lineId]: { ...c[lineId]!, ...patch } }));
    setPreview(null);
  };

  /** One item's resolution; leaving "exchange everything" keeps the other items exchanged. */
  const chooseLineResolution = (lineId: string, value: LineResolution) => {
    setChoices((c) => {
      const next = { ...c };
      if (resolution === 'exchange') for (const l of selected) next[l.lineId] = { ...next[l.lineId]!, lineResolution: 'exchange' };
      next[lineId] = { ...next[lineId]!, lineResolution: value };
      return next;
    });
    if (resolution === 'exchange' && value === 'refund') setResolution('');
    setPreview(null);
  };

  const addFiles = (line: OrderLine, list: FileList | null) => {
    if (!list) return;
    const accepted: File[] = [];
    const refused: string[] = [];
    for (const file of Array.from(list)) {
      if (!MEDIA_TYPES.includes(file.type)) refused.push(t('photos.badType', { name: file.name }));
      else if (file.size > view.uploadLimitBytes) refused.push(t('photos.tooLarge', { name: file.name, max: sizeText(view.uploadLimitBytes) }));
      else if (file.size === 0) refused.push(t('photos.empty', { name: file.name }));
      else accepted.push(file);
    }
    const files = [...choices[line.lineId]!.files, ...accepted].slice(0, MAX_FILES);
    update(line.lineId, { files });
    setProblems((p) => {
      const next = { ...p };
      if (refused.length) next[`files-${line.lineId}`] = refused.join(' ');
      else delete next[`files-${line.lineId}`];
      return next;
    });
  };

  const request = (): ReturnRequest => ({
    items: selected.map((l) => {
      const c = choices[l.lineId]!;
      return {
        lineId: l.lineId,
        quantity: c.quantity,
        reasonCode: c.reasonCode,
        ...(c.note.trim() ? { note: c.note.trim() } : {}),
        ...(lineResolutionOf(l) === 'exchange' ? { replacementSku: c.replacementSku } : {}),
        resolution: lineResolutionOf(l),
      };
    }),
    resolution: effectiveResolution as Resolution,
    returnMethod: effectiveMethod as ReturnMethod,
    ...(note.trim() ? { note: note.trim() } : {}),
  });

  const validate = () => {
    const found: Record<string, string> = {};
    if (!selected.length) found.items = t('choose.pickOne');
    for (const l of selected) {
      const c = choices[l.lineId]!;
      if (!c.reasonCode) found[`reason-${l.lineId}`] = t('choose.reasonRequired');
      else if (reasonOf(c.reasonCode)?.evidenceRequired && c.files.length === 0) found[`files-${l.lineId}`] = t('photos.required');
      if (lineResolutionOf(l) === 'exchange' && !c.replacementSku) found[`replacement-${l.lineId}`] = t('choose.replacementRequired');
    }
    if (!effectiveResolution) found.resolution = t('choose.resolutionRequired');
    if (!effectiveMethod) found.method = t('choose.methodRequired');
    setProblems(found);
    return found;
  };

  const review = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const found = validate();
    if (Object.keys(found).length) {
      setError(t('choose.fixErrors'));
      const first = document.querySelector<HTMLElement>('[aria-invalid="true"], .field-error');
      first?.scrollIntoView({ block: 'center' });
      return;
    }
    setBusy(true);
    try {
      setPreview(await api.preview(request()));
      setStep('review');
      window.scrollTo(0, 0);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    setError(null);
    setBusy(true);
    try {
      const c = await api.create(request());
      setCreated(c);
      const jobs = selected.flatMap((l) => choices[l.lineId]!.files.map((file) => ({ file, itemId: c.items.find((i) => i.lineId === l.lineId)?.id })));
      if (jobs.length) {
        setUploads(jobs.map((j) => ({ name: j.file.name, progress: 0, error: null })));
        let failed = false;
        for (const [index, job] of jobs.entries()) {
          try {
            await api.upload(c.id, job.file, job.itemId, (progress) => setUploads((u) => u.map((x, i) => (i === index ? { ...x, progress } : x))));
          } catch (err) {
            failed = true;
            setUploads((u) => u.map((x, i) => (i === index ? { ...x, error: errorText(err) } : x)));
          }
        }
        if (failed) {
          setBusy(false);
          return;
        }
      }
      navigate({ page: 'return', slug: shop.slug, id: c.id });
    } catch (err) {
      fail(err);
      setBusy(false);
    }
  };

  const invalid = (key: string) => (problems[key] ? { 'aria-invalid': true as const, 'aria-describedby': `${key}-error` } : {});
  const problem = (key: string) => problems[key] && <p id={`${key}-error`} className="field-error">{problems[key]}</p>;

  if (step === 'review' && preview) {
    return (
      <ReviewStep
        view={view}
        preview={preview}
        request={request()}
        busy={busy}
        error={error}
        uploads={uploads}
        created={created}
        onBack={() => {
          setStep('choose');
          setError(null);
        }}
        onSubmit={submit}
        onOpenCreated={() => created && navigate({ page: 'return', slug: shop.slug, id: created.id })}
      />
    );
  }

  return (
    <form onSubmit={review} noValidate>
      <h1>{t('choose.title')}</h1>
      <div className="order-meta card">
        <div>
          <span className="meta-label">{t('order.number')}</span>
          <strong className="mono">{view.order.number}</strong>
        </div>
        <div>
          <span className="meta-label">{t('order.placed')}</span>
          <span>{day(view.order.placedAt, lang, shop.timezone)}</span>
        </div>
        <div>
          <span className="meta-label">{t('order.delivered')}</span>
          <span>{view.order.deliveredAt ? day(view.order.deliveredAt, lang, shop.timezone) : t('order.notDelivered')}</span>
        </div>
      </div>

      <CombineOffer shop={shop} session={session} />

      {view.returns.length > 0 && (
        <section className="section" aria-labelledby="existing-h">
          <h2 id="existing-h">{t('order.existing')}</h2>
          <ul className="list">
            {view.returns.map((r) => (
              <li key={r.id} className="card row-card">
                <div>
                  <strong className="mono">{r.rmaNumber}</strong>
                  <StatusPill status={r.status} />
                </div>
                <a
                  className="btn btn-secondary btn-small"
                  href={`/portal/${shop.slug}/returns/${r.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate({ page: 'return', slug: shop.slug, id: r.id });
                  }}
                >
                  {t('order.viewReturn')}
                  <span className="sr-only"> {r.rmaNumber}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="section" aria-labelledby="items-h">
        <h2 id="items-h">{t('choose.items')}</h2>
        {problem('items')}
        <ul className="list">
          {view.lines.map((line) => {
            const c = choices[line.lineId] ?? emptyChoice();
            const reasons = reasonsFor(line, view.reasons);
            const reason = reasonOf(c.reasonCode);
            const until = line.noReasonUntil ?? line.sellerFaultUntil;
            const id = line.lineId;
            return (
              <li key={id} className={`card line ${c.selected ? 'line-on' : ''} ${line.eligible ? '' : 'line-off'}`}>
                <div className="line-head">
                  {line.eligible ? (
                    <input id={`pick-${id}`} type="checkbox" className="check" checked={c.selected} onChange={(e) => update(id, { selected: e.target.checked })} aria-describedby={`why-${id}`} />
                  ) : (
                    <span className="check-placeholder" aria-hidden="true" />
                  )}
                  <div className="line-body">
                    <label htmlFor={line.eligible ? `pick-${id}` : undefined} className="line-title">
                      {line.title}
                    </label>
                    <div className="line-sub">
                      <span className="mono">{line.sku}</span> · {t('choose.qtyBought', { count: line.quantity })} · {money(line.paidMinor, currency, lang)}
                    </div>
                    <p id={`why-${id}`} className={!line.eligible ? 'why why-no' : line.restriction ? 'why why-limited' : 'why why-ok'}>
                      {!line.eligible ? (
                        <strong>{t('choose.notReturnable')}</strong>
                      ) : line.restriction && line.sellerFaultUntil ? (
                        <strong>{t('choose.faultOnlyUntil', { date: day(line.sellerFaultUntil, lang, shop.timezone) })}</strong>
                      ) : until ? (
                        <strong>{t('choose.returnableUntil', { date: day(until, lang, shop.timezone) })}</strong>
                      ) : (
                        <strong>{t('choose.returnable')}</strong>
                      )}
                      {line.restriction && <span className="why-text">{pick(line.restriction, lang)}</span>}
                      <span className="why-text">{pick(line.explanation, lang)}</span>
                    </p>
                  </div>
                </div>

                {c.selected && (
                  <div className="line-form">
                    <div className="grid-2">
                      <div className="field">
                        <label htmlFor={`qty-${id}`}>{t('choose.quantity')}</label>
                        <select id={`qty-${id}`} value={c.quantity} onChange={(e) => update(id, { quantity: Number(e.target.value) })}>
                          {Array.from({ length: line.returnableQuantity }, (_, i) => i + 1).map((n) => (
                            <option key={n} value={n}>
                              {n}
                            </option>
                          ))}
                        </select>
                      </div>
                      <div className="field">
                        <label htmlFor={`reason-${id}`}>{t('choose.reason')}</label>
                        <select id={`reason-${id}`} value={c.reasonCode} onChange={(e) => update(id, { reasonCode: e.target.value })} {...invalid(`reason-${id}`)}>
                          <option value="">{t('choose.reasonPlaceholder')}</option>
                          {reasons.map((r) => (
                            <option key={r.code} value={r.code}>
                              {pick(r.label, lang)}
                              {r.evidenceRequired ? ` · ${t('choose.needsPhotos')}` : ''}
                            </option>
                          ))}
                        </select>
                        {problem(`reason-${id}`)}
                      </div>
                    </div>

                    {exchangeable(line) && (
                      <div className="field">
                        <label htmlFor={`line-resolution-${id}`}>{t('choose.lineResolution')}</label>
                        <select id={`line-resolution-${id}`} value={lineResolutionOf(line)} onChange={(e) => chooseLineResolution(id, e.target.value as LineResolution)}>
                          <option value="refund">{t('choose.lineRefund')}</option>
                          <option value="exchange">{t('choose.lineExchange')}</option>
                        </select>
                      </div>
                    )}

                    {lineResolutionOf(line) === 'exchange' && (
                      <div className="field">
                        <label htmlFor={`replacement-${id}`}>{t('choose.replacement')}</label>
                        <select id={`replacement-${id}`} value={c.replacementSku} onChange={(e) => update(id, { replacementSku: e.target.value })} {...invalid(`replacement-${id}`)}>
                          <option value="">{t('choose.replacementPlaceholder')}</option>
                          {line.exchangeOptions.map((o) => (
                            <option key={o.sku} value={o.sku} disabled={o.inStock < c.quantity}>
                              {o.same ? `${t('choose.sameVariant')} · ` : ''}
                              {Object.values(o.attributes).join(' / ') || o.title} · {money(o.priceMinor, currency, lang)}
                            </option>
                          ))}
                        </select>
                        {problem(`replacement-${id}`)}
                      </div>
                    )}

                    {reason?.evidenceRequired && (
                      <div className="field">
                        <label htmlFor={`files-${id}`}>{t('photos.label')}</label>
                        <p className="hint" id={`files-hint-${id}`}>
                          {t('photos.hint', { max: sizeText(view.uploadLimitBytes), count: MAX_FILES })}
                        </p>
                        <input
                          id={`files-${id}`}
                          type="file"
                          accept={MEDIA_TYPES.join(',')}
                          multiple
                          onChange={(e) => {
                            addFiles(line, e.target.files);
                            e.target.value = '';
                          }}
                          aria-describedby={`files-hint-${id}${problems[`files-${id}`] ? ` files-${id}-error` : ''}`}
                          aria-invalid={problems[`files-${id}`] ? true : undefined}
                        />
                        {c.files.length > 0 && (
                          <ul className="files">
                            {c.files.map((f, i) => (
                              <li key={`${f.name}-${i}`}>
                                <span>{f.name}</span> <span className="muted">{sizeText(f.size)}</span>
                                <button type="button" className="link" onClick={() => update(id, { files: c.files.filter((_, j) => j !== i) })}>
                                  {t('photos.remove')}
                                  <span className="sr-only"> {f.name}</span>
                                </button>
                              </li>
                            ))}
                          </ul>
                        )}
                        {problem(`files-${id}`)}
                      </div>
                    )}

                    <div className="field">
                      <label htmlFor={`note-${id}`}>
                        {t('choose.note')} <span className="muted">{t('common.optional')}</span>
                      </label>
                      <textarea id={`note-${id}`} rows={2} maxLength={1000} value={c.note} onChange={(e) => update(id, { note: e.target.value })} />
                    </div>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      {!view.lines.some((l) => l.eligible) ? (
        <Alert tone="info">{t('choose.nothingReturnable')}</Alert>
      ) : (
      <>
      <fieldset className="section options" {...(problems.resolution ? { 'aria-describedby': 'resolution-error' } : {})}>
        <legend>
          <h2>{t('resolution.title')}</h2>
        </legend>
        {problem('resolution')}
        {mixed && <p className="hint">{t('resolution.mixed', { count: exchanged.length })}</p>}
        {offerFirst && alternatives.length > 0 && (
          <div className="exchange-first" data-testid="exchange-first-offer">
            <strong>{t('care.exchangeFirst.title')}</strong>
            <p className="small">
              {view.exchangeFirst!.storeCredit && view.exchangeFirst!.storeCreditBonusBp > 0
                ? t('care.exchangeFirst.bodyBonus', { percent: percent(view.exchangeFirst!.storeCreditBonusBp) })
                : t('care.exchangeFirst.body')}
            </p>
          </div>
        )}
        {shownResolutions.filter((r) => !(mixed && r === 'exchange')).map((r) => (
          <label key={r} className={`option ${effectiveResolution === r ? 'option-on' : ''}`}>
            <input type="radio" name="resolution" value={r} checked={effectiveResolution === r} onChange={() => { setResolution(r); setPreview(null); }} />
            <span>
              <strong>{t(`resolution.${r}`)}</strong>
              {r === 'store_credit' && view.policy.storeCreditBonusBp > 0 && <span className="badge badge-bonus">{t('resolution.bonus', { percent: percent(view.policy.storeCreditBonusBp) })}</span>}
              <span className="option-help">{t(`resolution.${r}Help`)}</span>
            </span>
          </label>
        ))}
        {!canExchange && exchanged.length === 0 && view.policy.exchangesEnabled && selected.length > 0 && <p className="hint">{t('resolution.noExchange')}</p>}
        {hideRefund && resolutions.includes('refund') && (
          <button type="button" className="link-button" onClick={() => setRefundAnyway(true)} data-testid="exchange-first-refund">
            {t('care.exchangeFirst.refundAnyway')}
          </button>
        )}
      </fieldset>

      <fieldset className="section options" {...(problems.method ? { 'aria-describedby': 'method-error' } : {})}>
        <legend>
          <h2>{t('method.title')}</h2>
        </legend>
        {problem('method')}
        {onlyMethod === 'none' && (
          <p className="option option-on" data-testid="no-return-needed">
            <span>
              <strong>{t('method.none')}</strong>
              <span className="option-help">{t(!shipped ? 'sendBack.notShipped' : !delivered ? 'sendBack.notDelivered' : 'method.noneHelp')}</span>
            </span>
          </p>
        )}
        {onlyMethod !== 'none' && methods.map((m) => (
          <label key={m} className={`option ${effectiveMethod === m ? 'option-on' : ''}`}>
            <input type="radio" name="method" value={m} checked={effectiveMethod === m} onChange={() => { setMethod(m); setPreview(null); }} />
            <span>
              <strong>{t(`method.${m}`)}</strong>
              <span className="option-help">{t(`method.${m}Help`)}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <div className="section"><div className="field">
        <label htmlFor="case-note">
          {t('choose.caseNote')} <span className="muted">{t('common.optional')}</span>
        </label>
        <textarea id="case-note" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div></div>

      {error && <Alert>{error}</Alert>}
      <div className="actions actions-end">
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy && <Spinner />}
          {t('choose.review')}
        </button>
      </div>
      </>
      )}
    </form>
  );
}

function ReviewStep(props: {
  view: OrderView;
  preview: Preview;
  request: ReturnRequest;
  busy: boolean;
  error: string | null;
  uploads: Upload[];
  created: CaseView | null;
  onBack: () => void;
  onSubmit: () => void;
  onOpenCreated: () => void;
}) {
  const { view, preview, request, busy, error, uploads, created } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const r = preview.refund;
  const m = (minor: number) => money(minor, r.currency, lang);
  const line = (id: string) => view.lines.find((l) => l.lineId === id)!;
  const reason = (code: string) => pick(view.reasons.find((x) => x.code === code)?.label, lang);
  const variantName = (lineId: string, sku: string) => {
    const option = line(lineId).exchangeOptions.find((o) => o.sku === sku);
    return option ? Object.values(option.attributes).join(' / ') || option.title : sku;
  };
  const exchange = request.items.some((i) => i.resolution === 'exchange');
  const mixedRequest = exchange && request.items.some((i) => i.resolution !== 'exchange');
  // Refusals in the form's own words where the portal has them; the policy's explanation otherwise.
  const refusal = (x: { rule: string; explanation: Preview['ruling']['explanation'] }) => t(`refusal.${x.rule}`, { defaultValue: pick(x.explanation, lang) });
  const rows: [string, string, string?][] = [
    [exchange ? t('money.returned') : t('money.items'), m(r.itemsMinor)],
    ...(r.restockingFeeMinor ? ([[t('money.restocking'), `−${m(r.restockingFeeMinor)}`, 'minus']] as [string, string, string][]) : []),
    ...(r.labelCostMinor ? ([[t('money.label'), `−${m(r.labelCostMinor)}`, 'minus']] as [string, string, string][]) : []),
    ...(r.outboundShippingMinor ? ([[t('money.outbound'), `+${m(r.outboundShippingMinor)}`]] as [string, string][]) : []),
    ...(exchange ? ([[t('money.replacement'), m(preview.replacements.reduce((a, x) => a + x.unitPriceMinor * x.quantity, 0))]] as [string, string][]) : []),
    ...(r.nettedMinor ? ([[t('money.netted'), `−${m(r.nettedMinor)}`, 'minus']] as [string, string, string][]) : []),
    ...(r.compensationMinor ? ([[t('money.compensation'), `+${m(r.compensationMinor)}`]] as [string, string][]) : []),
    ...(r.storeCreditBonusMinor ? ([[t('money.bonus'), `+${m(r.storeCreditBonusMinor)}`]] as [string, string][]) : []),
  ];
  const owes = exchange && r.buyerOwesMinor > 0;
  const total = owes ? r.buyerOwesMinor : r.method === 'store_credit' ? r.storeCreditMinor : r.payoutMinor;
  const totalLabel = owes
    ? t('money.youPay')
    : exchange && !mixedRequest
      ? r.payoutMinor > 0
        ? t('money.youGetBack')
        : t('money.noDifference')
      : r.method === 'store_credit'
        ? t('money.storeCredit')
        : t('money.refundTotal');
  const lineMoney = (lineId: string) => r.items?.find((i) => i.lineId === lineId);

  return (
    <div>
      <h1>{t('review.title')}</h1>
      {!preview.eligible && (
        <Alert>
          <strong>{t('review.notEligible')}</strong> {refusal(preview.ruling)}
        </Alert>
      )}
      <section className="section card" aria-labelledby="review-items">
        <h2 id="review-items">{t('review.items')}</h2>
        <ul className="plain">
          {preview.items.map((item) => {
            const asked = request.items.find((i) => i.lineId === item.lineId);
            return (
              <li key={item.lineId} className="review-item">
                <div className="review-line">
                  <span>{line(item.lineId).title}</span>
                  <span className="muted">× {item.quantity}</span>
                </div>
                <div className="muted small" data-testid={`review-line-${item.lineId}`}>
                  {reason(item.reasonCode)}
                  {asked?.resolution === 'exchange' && asked.replacementSku ? (
                    <> · {t('review.exchangeFor', { sku: variantName(item.lineId, asked.replacementSku) })}</>
                  ) : (
                    exchange && item.eligible && <> · {t('review.refundOf', { amount: m(lineMoney(item.lineId)?.refundMinor ?? 0) })}</>
                  )}
                </div>
                {!item.eligible && <p className="why why-no">{refusal(item)}</p>}
              </li>
            );
          })}
        </ul>
      </section>

      {preview.eligible && (
        <section className="section card" aria-labelledby="review-money">
          <h2 id="review-money">{exchange ? t('review.exchangeMoney') : t('review.money')}</h2>
          <dl className="money">
            {rows.map(([k, v, tone]) => (
              <div key={k} className={tone === 'minus' ? 'money-row minus' : 'money-row'}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
            <div className="money-row total">
              <dt>{totalLabel}</dt>
              <dd data-testid="refund-total">{m(total)}</dd>
            </div>
          </dl>
          <p className="shipping-payer">
            <strong>{t('review.shipping')}</strong> {shippingText(t, preview.returnShippingPaidBy, r.labelCostMinor, m)}
          </p>
          <p className="muted small">
            {mixedRequest ? `${t('resolution.exchange')} + ${t(`resolution.${request.resolution}`)}` : t(`resolution.${request.resolution}`)} · {t(`method.${request.returnMethod}`)}
          </p>
          {(!exchange || mixedRequest) && <p className="muted small">{r.method === 'store_credit' ? t('review.storeCreditNote') : t('review.originalNote')}</p>}
        </section>
      )}

      {uploads.length > 0 && (
        <section className="section card" aria-labelledby="uploads-h">
          <h2 id="uploads-h">{t('photos.uploading')}</h2>
          <ul className="plain">
            {uploads.map((u, i) => (
              <li key={i} className="upload">
                <label htmlFor={`up-${i}`} className="small">
                  {u.name}
                </label>
                <progress id={`up-${i}`} max={1} value={u.progress} aria-valuetext={`${Math.round(u.progress * 100)}%`} />
                {u.error && <p className="field-error">{u.error}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {error && <Alert>{error}</Alert>}
      {created && uploads.some((u) => u.error) ? (
        <div className="actions">
          <Alert tone="info">{t('photos.partlyFailed', { rma: created.rmaNumber })}</Alert>
          <button type="button" className="btn btn-primary btn-block" onClick={props.onOpenCreated}>
            {t('review.openReturn')}
          </button>
        </div>
      ) : (
        <div className="actions-2">
          <button type="button" className="btn btn-secondary" onClick={props.onBack} disabled={busy}>
            {t('common.back')}
          </button>
          <button type="button" className="btn btn-primary" onClick={props.onSubmit} disabled={busy || !preview.eligible}>
            {busy && <Spinner />}
            {t('review.submit')}
          </button>
        </div>
      )}
    </div>
  );
}
