import { App as AntApp, ConfigProvider, Empty } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './routes.tsx';

const theme = {
  token: { colorPrimary: '#1a4f8b', colorLink: '#1a4f8b', borderRadius: 4 },
};

const renderEmpty = () => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" />;

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');

createRoot(root).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme} renderEmpty={renderEmpty}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
