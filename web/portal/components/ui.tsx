import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api.js';

/** A message in the buyer's language for an API error (by its stable code). */
export function useErrorText() {
  const { t } = useTranslation();
  return (err: unknown): string => {
    if (err instanceof ApiError) {
      const key = `errors.${err.code}`;
      const text = t(key);
      if (text !== key) return text;
      if (err.status === 0) return t('errors.network');
    }
    return t('errors.generic');
  };
}

export function Alert({ children, tone = 'error' }: { children: ReactNode; tone?: 'error' | 'info' | 'success' }) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function StatusPill({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`pill pill-${status}`}>{t(`status.${status}.title`)}</span>;
}

export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}
