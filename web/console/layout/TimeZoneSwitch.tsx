import { ClockCircleOutlined } from '@ant-design/icons';
import { Dropdown, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session.js';
import { browserTimeZone, chooseTimeZone, useTimeZoneChoice } from '../lib/shop-time.js';

/** The zone times are shown in (the shop's), named; a person may switch to their browser's here. */
export function TimeZoneSwitch() {
  const { t } = useTranslation();
  const { session } = useSession();
  const choice = useTimeZoneChoice();
  const shopZone = session.shop.timezone;
  const browser = browserTimeZone();
  const zone = choice === 'browser' ? browser : shopZone;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [choice],
        items: [
          { key: 'shop', label: t('timeZone.shop', { zone: shopZone }) },
          { key: 'browser', label: t('timeZone.browser', { zone: browser }) },
        ],
        onClick: ({ key }) => chooseTimeZone(key === 'browser' ? 'browser' : 'shop'),
      }}
    >
      <button type="button" className="tz-switch" data-testid="time-zone" aria-label={t('timeZone.label')}>
        <ClockCircleOutlined />
        <Typography.Text className="tz-switch-text" type={choice === 'browser' ? 'warning' : 'secondary'}>
          {choice === 'browser' ? t('timeZone.browserShort', { zone }) : t('timeZone.shopShort', { zone })}
        </Typography.Text>
      </button>
    </Dropdown>
  );
}
