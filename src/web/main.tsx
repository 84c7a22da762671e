// Entry of the web UI: Chinese locale for Ant Design and dayjs, router, and the signed-in user.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { AuthProvider } from './auth.js';
import { AppRoutes } from './routes.js';
import './global.css';

dayjs.locale('zh-cn');

/** People who ask their system for less motion get none (also keeps browser-test screenshots still). */
const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { motion: !reduceMotion, colorPrimary: '#1f5fbf' } }}>
      <AntApp>
        <BrowserRouter>
          <AuthProvider>
            <AppRoutes />
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
