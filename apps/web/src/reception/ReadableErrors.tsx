import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

/**
 * Ant Design's error red (#ff4d4f) is 3.3:1 on white, below WCAG AA for the text it colours (a
 * field's error, a danger button): these screens use a darker red, 5.6:1, within their subtree.
 */
const THEME = { token: { colorError: '#cf1322' } };

export function ReadableErrors({ children }: { children: ReactNode }) {
  return <ConfigProvider theme={THEME}>{children}</ConfigProvider>;
}
