import { LockOutlined, MailOutlined, ShopOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, setCsrfToken } from '../api/client.js';
import { LanguageSwitch } from '../layout/LanguageSwitch.js';
import { SESSION_KEY } from './session.js';

interface LoginReply {
  csrfToken: string;
}

/** Staff sign-in: e-mail and password (and the shop, when the e-mail belongs to several). */
export function SignInPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [needsShop, setNeedsShop] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { email: string; password: string; shop?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const reply = await api.post<LoginReply>('/auth/login', { email: values.email, password: values.password, ...(values.shop ? { shop: values.shop } : {}) });
      setCsrfToken(reply.csrfToken);
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'auth.shop_required') {
        setNeedsShop((err.details.shops as string[] | undefined) ?? []);
        setError(t('signIn.shopRequired'));
      } else if (err instanceof ApiError && err.status === 429) setError(t('signIn.tooMany'));
      else if (err instanceof ApiError && err.status === 401) setError(t('signIn.invalid'));
      else setError(t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="signin">
      <div className="signin-lang">
        <LanguageSwitch />
      </div>
      <Card className="signin-card" variant="borderless">
        <div className="signin-brand">
          <div className="brand-mark">R</div>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('signIn.subtitle')}</Typography.Text>
          </div>
        </div>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="signin-error" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false} size="large">
          <Form.Item name="email" label={t('signIn.email')} rules={[{ required: true, message: t('signIn.emailRequired') }]}>
            <Input prefix={<MailOutlined />} autoComplete="username" autoFocus placeholder="agent@demo.retour.local" />
          </Form.Item>
          <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('signIn.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {needsShop && (
            <Form.Item name="shop" label={t('signIn.shop')} rules={[{ required: true, message: t('signIn.shopRequired') }]} extra={needsShop.join(', ')}>
              <Input prefix={<ShopOutlined />} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('signIn.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" className="signin-hint">
          {t('signIn.demoHint')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
