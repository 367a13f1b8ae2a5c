import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../shared/i18n.js';
import { App } from './App.js';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import './styles.css';

await initI18n({ 'zh-CN': zhCN, en });
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
