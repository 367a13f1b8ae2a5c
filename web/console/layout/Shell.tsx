import {
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  InboxOutlined,
  TeamOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Dropdown, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session.js';
import { PageLoading } from '../components/PageLoading.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { NAV } from './nav.js';
import { TimeZoneSwitch } from './TimeZoneSwitch.js';

const ICONS: Record<string, React.ReactNode> = {
  today: <DashboardOutlined />,
  queue: <UnorderedListOutlined />,
  buyers: <TeamOutlined />,
  warehouse: <InboxOutlined />,
  policy: <SafetyCertificateOutlined />,
  settings: <SettingOutlined />,
};

/** The console's frame: the menu (only the pages the role may open), the shop, the language and the signed-in person. */
export function Shell() {
  const { t } = useTranslation();
  const { session, can, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const items = NAV.filter((n) => n.permissions.some(can)).map((n) => ({ key: n.key as string, icon: ICONS[n.key], label: <Link to={n.path}>{t(`nav.${n.key}`)}</Link> }));
  if (can('analytics:read')) items.push({ key: 'analytics', icon: <BarChartOutlined />, label: <Link to="/analytics">{t('analytics.nav')}</Link> });
  const selected = location.pathname.startsWith('/analytics') ? 'analytics' : NAV.find((n) => location.pathname === n.path || location.pathname.startsWith(`${n.path}/`))?.key ?? (location.pathname.startsWith('/cases') ? 'queue' : 'today');

  return (
    <Layout className="shell">
      <Layout.Sider width={216} theme="light" className="shell-sider" breakpoint="lg" collapsedWidth={64}>
        <div className="shell-brand" onClick={() => navigate('/')} role="link">
          <div className="brand-mark">R</div>
          <div className="shell-brand-text">
            <strong>Retour</strong>
            <span>{t('app.title')}</span>
          </div>
        </div>
        <Menu mode="inline" selectedKeys={[selected]} items={items} className="shell-menu" />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="shell-header">
          <Space size={12} className="shell-shop">
            <AuditOutlined />
            <Typography.Text strong ellipsis={{ tooltip: session.shop.name }} data-testid="shop-name">
              {session.shop.name}
            </Typography.Text>
          </Space>
          <Space size={16} className="shell-tools">
            <TimeZoneSwitch />
            <LanguageSwitch />
            <Dropdown
              menu={{
                items: [
                  { key: 'role', label: t(`roles.${session.role}`), disabled: true },
                  { type: 'divider' },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('nav.signOut'), onClick: () => void signOut() },
                ],
              }}
            >
              <Space className="shell-user" data-testid="user-menu">
                <Avatar size="small" icon={<UserOutlined />} />
                <span className="shell-user-name">{session.name}</span>
                <Tag color="blue" variant="filled" className="shell-user-role">
                  {t(`roles.${session.role}`)}
                </Tag>
              </Space>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content className="shell-content">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
