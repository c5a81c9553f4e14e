import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { SessionExpiredNotice } from '../auth/SessionExpiredNotice';

const THEME = { token: { colorPrimary: '#a61d24', borderRadius: 6, fontFamily: "'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif" } };

/**
 * Ant Design for every signed-in screen, in the user's language (vi_VN by default). It loads
 * after sign-in, so the sign-in page downloads none of it.
 */
export function AntdFrame() {
  return (
    <AntdProviders>
      <Outlet />
      <SessionExpiredNotice />
    </AntdProviders>
  );
}

/** The theme and the locale of Ant Design and dayjs, following the language switch; for pages outside the signed-in frame too. */
export function AntdProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  useEffect(() => void dayjs.locale(english ? 'en' : 'vi'), [english]);
  return (
    <ConfigProvider locale={english ? enUS : viVN} theme={THEME}>
      {children}
    </ConfigProvider>
  );
}
