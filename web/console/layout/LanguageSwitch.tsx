import { GlobalOutlined } from '@ant-design/icons';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { rememberLanguage, type Language } from '../../shared/i18n.js';

/** 中文 / English: switches i18next and Ant Design together and remembers the choice. */
export function LanguageSwitch() {
  const { i18n } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      value={i18n.language as Language}
      options={[
        { value: 'zh-CN', label: '中文', icon: <GlobalOutlined /> },
        { value: 'en', label: 'English' },
      ]}
      onChange={(lng) => {
        rememberLanguage(lng);
        void i18n.changeLanguage(lng);
      }}
      className="language-switch"
      data-testid="language-switch"
    />
  );
}
