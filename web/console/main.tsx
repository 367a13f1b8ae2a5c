import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { initI18n } from '../shared/i18n.js';
import { ApiError } from './api/client.js';
import { App } from './App.js';
import { SESSION_KEY } from './auth/session.js';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';
import './styles.css';

const i18n = await initI18n({ 'zh-CN': zh, en });

const queryClient: QueryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 15_000, retry: (n, err) => !(err instanceof ApiError && err.status < 500) && n < 2, refetchOnWindowFocus: false } },
  // A session that expired while the console was open: back to the sign-in page.
  queryCache: new QueryCache({
    onError: (err, query) => {
      if (err instanceof ApiError && err.status === 401 && query.queryKey[0] !== SESSION_KEY[0]) queryClient.setQueryData(SESSION_KEY, null);
    },
  }),
});

function Root() {
  const { i18n: current } = useTranslation();
  const [lng, setLng] = useState(current.language);
  useEffect(() => {
    const onChange = (l: string) => setLng(l);
    current.on('languageChanged', onChange);
    return () => current.off('languageChanged', onChange);
  }, [current]);
  dayjs.locale(lng === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = lng;
  return (
    <ConfigProvider
      locale={lng === 'zh-CN' ? zhCN : enUS}
      theme={{ token: { colorPrimary: '#1f5eff', borderRadius: 6, fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif" } }}
    >
      <AntApp>
        <App />
      </AntApp>
    </ConfigProvider>
  );
}

void i18n;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <Root />
    </QueryClientProvider>
  </StrictMode>,
);
