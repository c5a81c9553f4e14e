import { Button, Flex, Input, Select, Space, Spin, Typography } from 'antd';
import { Pill } from '../../ui/Pill';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { ADMIN } from '../strings';
import { Column, DataTable } from '../ui/DataTable';
import { Labelled } from '../../ui/Labelled';
import { DELIVERY_CHANNELS, DELIVERY_STATES, DOSSIER_CODE, STATE_COLOURS } from './delivery-states';
import { Delivery, DeliveryChannel, DeliveryFilters, DeliveryState, useDeliveries } from './queries';

/** The path of a delivery's page. */
export const deliveryPath = (id: string) => `/quan-tri/gui-thong-bao/${id}`;

/** Where the province's notices went and how: by state, channel or dossier, newest first, with each one's page. */
export function DeliveriesPage() {
  const { t } = useTranslation(ADMIN);
  const [state, setState] = useState<DeliveryState | undefined>();
  const [channel, setChannel] = useState<DeliveryChannel | undefined>();
  const [dossierCode, setDossierCode] = useState('');
  const [codeProblem, setCodeProblem] = useState(false);
  const filters: DeliveryFilters = {
    ...(state ? { state } : {}),
    ...(channel ? { channel } : {}),
    ...(dossierCode ? { dossierCode } : {}),
  };
  const deliveries = useDeliveries(filters);
  const items = deliveries.data?.pages.flatMap((page) => page.items) ?? [];

  function searchCode(typed: string) {
    const code = typed.trim().toUpperCase();
    const wrong = code !== '' && !DOSSIER_CODE.test(code);
    setCodeProblem(wrong);
    if (!wrong) setDossierCode(code);
  }

  const columns: Column<Delivery>[] = [
    {
      key: 'created',
      title: t('deliveries.createdAt'),
      className: 'nowrap',
      render: (delivery) => (
        <Link
          to={deliveryPath(delivery.id)}
          aria-label={t('deliveries.openOf', {
            kind: t(`kinds.${delivery.kind}`, { defaultValue: delivery.kind }),
            date: formatDateTime(delivery.createdAt),
          })}
        >
          {formatDateTime(delivery.createdAt)}
        </Link>
      ),
    },
    {
      key: 'kind',
      title: t('deliveries.kind'),
      render: (delivery) => t(`kinds.${delivery.kind}`, { defaultValue: delivery.kind }),
    },
    {
      key: 'channel',
      title: t('deliveries.channel'),
      render: (delivery) => t(`channels.${delivery.channel}`, { defaultValue: delivery.channel }),
    },
    { key: 'address', title: t('deliveries.address'), className: 'code', render: (delivery) => delivery.address },
    { key: 'dossier', title: t('deliveries.dossier'), render: (delivery) => delivery.dossierCode ?? '—' },
    { key: 'state', title: t('deliveries.state'), render: (delivery) => <DeliveryStateTag state={delivery.state} /> },
    { key: 'attempts', title: t('deliveries.attempts'), optional: true, render: (delivery) => delivery.attempts },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <h1 className="page-title">{t('deliveries.title')}</h1>
      <Flex component="section" aria-label={t('filters')} wrap gap={12} align="start">
        <Labelled label={t('deliveries.state')} htmlFor="delivery-state">
          <Select
            id="delivery-state"
            allowClear
            placeholder={t('deliveries.anyState')}
            value={state}
            onChange={setState}
            style={{ minWidth: 220 }}
            options={DELIVERY_STATES.map((value) => ({ value, label: t(`deliveries.states.${value}`) }))}
          />
        </Labelled>
        <Labelled label={t('deliveries.channel')} htmlFor="delivery-channel">
          <Select
            id="delivery-channel"
            allowClear
            placeholder={t('deliveries.anyChannel')}
            value={channel}
            onChange={setChannel}
            style={{ minWidth: 160 }}
            options={DELIVERY_CHANNELS.map((value) => ({ value, label: t(`channels.${value}`) }))}
          />
        </Labelled>
        <Labelled label={t('deliveries.dossier')} htmlFor="delivery-dossier">
          <Input.Search
            id="delivery-dossier"
            allowClear
            placeholder="19753-261124-0001"
            status={codeProblem ? 'error' : undefined}
            aria-invalid={codeProblem}
            aria-describedby={codeProblem ? 'delivery-dossier-problem' : undefined}
            onSearch={searchCode}
            onChange={(event) => !event.target.value && searchCode('')}
            style={{ width: 240 }}
          />
          {codeProblem && (
            <Typography.Text id="delivery-dossier-problem" type="danger">
              {t('deliveries.dossierFormat')}
            </Typography.Text>
          )}
        </Labelled>
      </Flex>
      <ProblemAlert error={deliveries.error} />
      <section aria-busy={deliveries.isFetching}>
        <p role="status" style={{ margin: '0 0 8px' }}>
          {t('deliveries.shown', { count: items.length })}
        </p>
        {deliveries.isPending ? (
          <Spin />
        ) : (
          <DataTable
            caption={t('deliveries.caption')}
            columns={columns}
            rows={items}
            rowKey={(delivery) => delivery.id}
          />
        )}
        <div style={{ marginTop: 12 }}>
          {deliveries.hasNextPage ? (
            <Button onClick={() => void deliveries.fetchNextPage()} loading={deliveries.isFetchingNextPage}>
              {t('deliveries.more')}
            </Button>
          ) : (
            items.length > 0 && <Typography.Text type="secondary">{t('deliveries.end')}</Typography.Text>
          )}
        </div>
      </section>
    </Space>
  );
}

/** A delivery's state in words; the colour repeats them. */
export function DeliveryStateTag({ state }: { state: string }) {
  const { t } = useTranslation(ADMIN);
  return <Pill tone={STATE_COLOURS[state] ?? 'grey'}>{t(`deliveries.states.${state}`, { defaultValue: state })}</Pill>;
}
