import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationPreference, PortalApi } from '../api.js';
import { Alert, useErrorText } from './ui.js';

/** The buyer's one-click stop (and resume) of updates by e-mail or text message (issue 20 §2). */
export function NotificationPrefs({ api }: { api: PortalApi }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [prefs, setPrefs] = useState<NotificationPreference[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api
      .notifications()
      .then((p) => live && setPrefs(p.data))
      .catch(() => live && setPrefs([]));
    return () => {
      live = false;
    };
  }, [api]);
  if (!prefs || prefs.length === 0) return null;
  const toggle = async (p: NotificationPreference) => {
    setBusy(p.channel);
    setError(null);
    try {
      setPrefs((await api.setOptOut(p.channel, !p.optedOut)).data);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="section card" aria-labelledby="updates-h" data-testid="notification-prefs">
      <h2 id="updates-h">{t('updates.title')}</h2>
      {error && <Alert>{error}</Alert>}
      <ul className="prefs">
        {prefs.map((p) => (
          <li key={p.channel} className="pref">
            <span>
              {t(`updates.${p.channel}`, { address: p.address })}
              <span className="muted small"> · {p.optedOut ? t('updates.stopped') : t('updates.on')}</span>
            </span>
            <button type="button" className="btn btn-secondary" disabled={busy === p.channel} onClick={() => void toggle(p)} data-testid={`updates-${p.channel}`}>
              {p.optedOut ? t('updates.resume') : t('updates.stop')}
            </button>
          </li>
        ))}
      </ul>
      <p className="muted small">{t('updates.hint')}</p>
    </section>
  );
}
