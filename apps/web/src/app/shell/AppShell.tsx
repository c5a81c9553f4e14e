import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Segmented, Space } from 'antd';
import type { MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { useUnitName } from '../../reference/queries';
import { changeLanguage, Language } from '../../i18n/i18n';
import { Destination, destinationsFor } from '../navigation';

const GROUPS: Destination['group'][] = ['desk', 'processing', 'leadership', 'administration'];

function useMenuItems(): MenuProps['items'] {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const reachable = destinationsFor(principal?.roles ?? []);
  return GROUPS.filter((group) => reachable.some((destination) => destination.group === group)).map((group) => ({
    type: 'group' as const,
    key: group,
    label: t(`menu.${group}`),
    children: reachable
      .filter((destination) => destination.group === group)
      .map((destination) => ({
        key: destination.path,
        label: <Link to={destination.path}>{t(destination.labelKey)}</Link>,
      })),
  }));
}

/** The officers' frame: the menu of what the signed-in roles may do, the unit, the language switch and sign-out. */
export function AppShell() {
  const { t, i18n } = useTranslation();
  const { principal, signOut } = useAuth();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const items = useMenuItems();
  const unitName = useUnitName(principal?.provinceCode);
  const selected = destinationsFor(principal?.roles ?? []).find((destination) =>
    pathname.startsWith(destination.path),
  )?.path;
  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={() => setDrawerOpen(false)}
      style={{ borderInlineEnd: 0 }}
    />
  );
  const wide = screens.lg ?? true;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 12, paddingInline: wide ? 24 : 12, background: '#8f1d1d' }}
      >
        {!wide && (
          <Button
            type="text"
            aria-label={t('app.menu')}
            icon={<MenuOutlined style={{ color: '#fff' }} />}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Link to="/" style={{ color: '#fff', fontWeight: 600, fontSize: 18, whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Link>
        {wide && principal?.unitCode && (
          <span style={{ color: '#fbe3e3' }}>{unitName(principal.unitCode, i18n.language)}</span>
        )}
        <Space style={{ marginInlineStart: 'auto' }} size={wide ? 'middle' : 'small'}>
          <Segmented<Language>
            aria-label={t('language.label')}
            value={i18n.language === 'en' ? 'en' : 'vi'}
            onChange={changeLanguage}
            options={[
              {
                value: 'vi',
                label: (
                  <span lang="vi" title={t('language.vi')}>
                    VI
                  </span>
                ),
              },
              {
                value: 'en',
                label: (
                  <span lang="en" title={t('language.en')}>
                    EN
                  </span>
                ),
              },
            ]}
          />
          {wide && (
            <span
              className="shell-user"
              title={principal?.roles.map((role) => t(`roles.${role}`, { defaultValue: role })).join(', ')}
            >
              <UserOutlined aria-hidden /> {principal?.name}
            </span>
          )}
          <Button
            icon={<LogoutOutlined />}
            onClick={() => void signOut()}
            aria-label={wide ? undefined : t('session.signOut')}
          >
            {wide ? t('session.signOut') : null}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        {wide ? (
          <Layout.Sider width={240} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
            <nav aria-label={t('app.name')}>{menu}</nav>
          </Layout.Sider>
        ) : (
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            size={260}
            title={t('app.name')}
          >
            <nav aria-label={t('app.name')}>{menu}</nav>
          </Drawer>
        )}
        {/* antd's Content is the page's <main> landmark. */}
        <Layout.Content id="main" tabIndex={-1} style={{ padding: wide ? 24 : 12, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
