import { SyncOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { LEADERSHIP } from '../strings';

/** How many rows are shown and that they refresh by themselves, announced to screen readers. */
export function ListStatus({ count, fetching, unitKey }: { count: number; fetching: boolean; unitKey: string }) {
  const { t } = useTranslation(LEADERSHIP);
  return (
    <Space wrap style={{ marginBottom: 8 }}>
      <span role="status">{t(unitKey, { count })}</span>
      <span style={{ color: '#595959' }}>
        <SyncOutlined spin={fetching} aria-hidden /> {t('common.autoRefresh')}
      </span>
    </Space>
  );
}

/** The next page through the server's cursor, or that there is no more. */
export function ListFooter({ hasMore, loading, shown, onMore }: { hasMore: boolean; loading: boolean; shown: number; onMore: () => void }) {
  const { t } = useTranslation(LEADERSHIP);
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
