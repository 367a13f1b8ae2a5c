import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useSession } from '../../auth/session.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ApiKeysTab } from './ApiKeysTab.js';
import { BuyerListsTab } from './BuyerListsTab.js';
import { CareTab } from './CareTab.js';
import { ConnectionsTab } from './ConnectionsTab.js';
import { MailboxTab } from './MailboxTab.js';
import { NotificationsTab } from './NotificationsTab.js';
import { SmsOutboxTab } from './SmsOutboxTab.js';
import { ReturnAddressesTab } from './ReturnAddressesTab.js';
import { ShopTab } from './ShopTab.js';
import { StaffTab } from './StaffTab.js';
import { WebhooksTab } from './WebhooksTab.js';

/** Settings: the shop's profile, after-sales care (coupon pool, compensation caps and rules), its staff and their roles, API keys, connections, webhooks and the dev mailbox. Each tab only for the roles that may open it. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { tab } = useParams();
  const navigate = useNavigate();
  const tabs = [
    { key: 'shop', label: t('settings.tabs.shop'), children: <ShopTab />, show: can('shop:read') },
    { key: 'return-addresses', label: t('returnAddresses.tab'), children: <ReturnAddressesTab />, show: can('shop:read') },
    { key: 'care', label: t('care.settings.tab'), children: <CareTab />, show: can('policy:read') },
    { key: 'buyer-lists', label: t('buyerRecords.lists.tab'), children: <BuyerListsTab />, show: can('customers:read') },
    { key: 'staff', label: t('settings.tabs.staff'), children: <StaffTab />, show: can('staff:manage') },
    { key: 'api-keys', label: t('settings.tabs.apiKeys'), children: <ApiKeysTab />, show: can('api_keys:manage') },
    { key: 'connections', label: t('settings.tabs.connections'), children: <ConnectionsTab />, show: can('shop:manage') },
    { key: 'webhooks', label: t('settings.tabs.webhooks'), children: <WebhooksTab />, show: can('webhooks:manage') },
    { key: 'mailbox', label: t('settings.tabs.mailbox'), children: <MailboxTab />, show: can('webhooks:manage') },
    { key: 'notifications', label: t('settings.tabs.notifications'), children: <NotificationsTab />, show: can('shop:read') },
    { key: 'sms-outbox', label: t('settings.tabs.smsOutbox'), children: <SmsOutboxTab />, show: can('webhooks:manage') },
  ].filter((x) => x.show);
  const active = tabs.some((x) => x.key === tab) ? tab! : tabs[0]?.key;
  return (
    <div className="page" data-testid="settings-page">
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <Tabs activeKey={active} onChange={(k) => navigate(`/settings/${k}`)} destroyOnHidden items={tabs.map(({ key, label, children }) => ({ key, label, children }))} />
    </div>
  );
}
