import { useTranslation } from 'react-i18next';
import { money } from '../lib/money.js';

export function Money({ minor, currency, strong }: { minor: number; currency: string; strong?: boolean }) {
  const { i18n } = useTranslation();
  const text = money(minor, currency, i18n.language);
  return strong ? <strong className="money">{text}</strong> : <span className="money">{text}</span>;
}

export function useMoney() {
  const { i18n } = useTranslation();
  return (minor: number, currency: string) => money(minor, currency, i18n.language);
}
