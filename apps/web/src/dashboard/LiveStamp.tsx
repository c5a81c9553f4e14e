import { SyncOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ZONE } from '../ui/format';
import { DASHBOARD } from './strings';

/** "Số liệu lúc 14:05:09": the answer's own time when it gives one (the read model's last event), else when it came. */
export function LiveStamp({
  dataAsOf,
  answeredAt,
  fetching,
}: {
  dataAsOf: string | null | undefined;
  answeredAt: number;
  fetching: boolean;
}) {
  const { t } = useTranslation(DASHBOARD);
  const at = dataAsOf ? dayjs(dataAsOf) : answeredAt ? dayjs(answeredAt) : null;
  return (
    <span className="live-stamp">
      <SyncOutlined spin={fetching} aria-hidden />{' '}
      {at ? t('live.asOf', { time: at.tz(ZONE).format('HH:mm:ss') }) : t('live.loading')}
    </span>
  );
}
