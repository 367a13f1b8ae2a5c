import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';

/** An API error for people: the translated text of its stable code when there is one, else the server's sentence. */
export function useErrorText() {
  const { t, i18n } = useTranslation();
  return (err: unknown): string => {
    if (err instanceof ApiError) {
      const key = `errors.codes.${err.code.replace(/\./g, '_')}`;
      return i18n.exists(key) ? t(key, { message: err.message }) : `${err.message} (${err.code})`;
    }
    return t('errors.generic');
  };
}

export function ErrorAlert({ error }: { error: unknown }) {
  const text = useErrorText();
  if (!error) return null;
  return <Alert type="error" showIcon title={text(error)} style={{ marginBottom: 16 }} />;
}
