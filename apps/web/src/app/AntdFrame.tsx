import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { SessionExpiredNotice } from '../auth/SessionExpiredNotice';

/**
 * Ant Design's secondary greys (labels, placeholders, group titles) are below WCAG AA's 4.5:1 on
 * white by default; these keep the look and reach about 4.6:1 or more.
 */
const THEME = {
  token: {
    colorPrimary: '#a61d24',
    colorLink: '#8f1d1d',
    // Ant Design's error red (#ff4d4f) is 3.3:1 on white; error texts and danger buttons need 4.5:1.
    colorError: '#cf1322',
    borderRadius: 6,
    fontFamily: "'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif",
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.56)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
  },
};

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
