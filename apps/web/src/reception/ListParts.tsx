import { SyncOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { RECEPTION } from './strings';

/** How many rows are shown, announced to screen readers, and that the list refreshes by itself. */
export function ListStatus({ count, fetching }: { count: number; fetching: boolean }) {
  const { t } = useTranslation(RECEPTION);
  return (
    <Space wrap style={{ marginBottom: 8 }}>
      <span role="status">{t('common.shown', { count })}</span>
      <span style={{ color: '#595959' }}>
        <SyncOutlined spin={fetching} aria-hidden /> {t('common.autoRefresh')}
      </span>
    </Space>
  );
}

/** The next page through the server's cursor, or that there is no more. */
export function ListFooter({ hasMore, loading, shown, onMore }: { hasMore: boolean; loading: boolean; shown: number; onMore: () => void }) {
  const { t } = useTranslation(RECEPTION);
  return (
    <div style={{ marginTop: 12 }}>
      {hasMore ? (
        <Button onClick={onMore} loading={loading}>
          {t('common.more')}
        </Button>
      ) : (
        shown > 0 && <span style={{ color: '#595959' }}>{t('common.end')}</span>
      )}
    </div>
  );
}
