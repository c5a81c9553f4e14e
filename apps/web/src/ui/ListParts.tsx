import { SyncOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** How many rows are shown (the caller's sentence, announced to screen readers) and that the list refreshes by itself. */
export function ListStatus({ label, fetching }: { label: string; fetching: boolean }) {
  const { t } = useTranslation();
  return (
    <Space wrap style={{ marginBottom: 8 }}>
      <span role="status">{label}</span>
      <span style={{ color: '#595959' }}>
        <SyncOutlined spin={fetching} aria-hidden /> {t('lists.autoRefresh', { ns: 'common' })}
      </span>
    </Space>
  );
}

/** The next page through the server's cursor, or that there is no more. */
export function ListFooter({
  hasMore,
  loading,
  shown,
  onMore,
}: {
  hasMore: boolean;
  loading: boolean;
  shown: number;
  onMore: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div style={{ marginTop: 12 }}>
      {hasMore ? (
        <Button onClick={onMore} loading={loading}>
          {t('lists.more', { ns: 'common' })}
        </Button>
      ) : (
        shown > 0 && <span style={{ color: '#595959' }}>{t('lists.end', { ns: 'common' })}</span>
      )}
    </div>
  );
}
