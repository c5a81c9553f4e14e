import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Modal, Space, Spin, Typography, message as antdMessage } from 'antd';
import { Pill } from '../../ui/Pill';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { ADMIN } from '../strings';
import { Column, DataTable } from '../ui/DataTable';
import { Labelled } from '../../ui/Labelled';
import { STATE_COLOURS, statesOf } from './certificate-state';
import { ImportCertificateDialog } from './ImportCertificateDialog';
import { LockDialog } from './LockDialog';
import { Certificate, CertificateFilter, useCertificates, useUnlockCertificate } from './queries';
import { RevokeDialog } from './RevokeDialog';

type Dialog = { kind: 'import' } | { kind: 'lock' | 'revoke'; certificate: Certificate } | null;

/** The province's signing certificates: who holds each, until when, whether it may sign; import, lock, unlock, revoke. */
export function CertificatesPage() {
  const { t } = useTranslation(ADMIN);
  const [message, messageHolder] = antdMessage.useMessage();
  const [modal, modalHolder] = Modal.useModal();
  const [filter, setFilter] = useState<CertificateFilter>({});
  const [dialog, setDialog] = useState<Dialog>(null);
  const certificates = useCertificates(filter);
  const unlock = useUnlockCertificate();

  function confirmUnlock(certificate: Certificate) {
    void modal.confirm({
      title: t('certificates.unlockTitle', { name: certificate.commonName }),
      content: t('certificates.unlockText', { reason: certificate.lockReason ?? '—' }),
      okText: t('certificates.unlock'),
      cancelText: t('actions.cancel', { ns: 'common' }),
      onOk: () =>
        unlock.mutateAsync(certificate.id).then(
          () => void message.success(t('certificates.unlocked', { name: certificate.commonName })),
          // The dialog closes either way; the problem shows above the table.
          () => undefined,
        ),
    });
  }

  const columns: Column<Certificate>[] = [
    {
      key: 'holder',
      title: t('certificates.holder'),
      render: (certificate) => (
        <div>
          <div>{certificate.commonName}</div>
          <Typography.Text type="secondary">{certificate.userId}</Typography.Text>
        </div>
      ),
    },
    { key: 'unit', title: t('certificates.unit'), render: (certificate) => certificate.unitCode },
    {
      key: 'state',
      title: t('certificates.state'),
      render: (certificate) => <CertificateStateCell certificate={certificate} />,
    },
    {
      key: 'validity',
      title: t('certificates.validity'),
      className: 'nowrap',
      render: (certificate) =>
        t('certificates.validFromTo', {
          from: formatDate(certificate.notBefore),
          to: formatDate(certificate.notAfter),
        }),
    },
    {
      key: 'key',
      title: t('certificates.keyStorage'),
      render: (certificate) => t(`certificates.storage.${certificate.keyStorage}`),
    },
    {
      key: 'serial',
      title: t('certificates.serial'),
      optional: true,
      className: 'code',
      render: (certificate) => certificate.serialNumber,
    },
    {
      key: 'imported',
      title: t('certificates.importedAt'),
      optional: true,
      className: 'nowrap',
      render: (certificate) => formatDateTime(certificate.importedAt),
    },
    {
      key: 'actions',
      title: t('certificates.actions'),
      className: 'actions',
      render: (certificate) => (
        <Space wrap size="small">
          {certificate.status === 'active' && (
            <Button
              size="small"
              onClick={() => setDialog({ kind: 'lock', certificate })}
              aria-label={t('certificates.lockOf', { name: certificate.commonName })}
            >
              {t('certificates.lock')}
            </Button>
          )}
          {certificate.status === 'locked' && (
            <Button
              size="small"
              onClick={() => confirmUnlock(certificate)}
              aria-label={t('certificates.unlockOf', { name: certificate.commonName })}
            >
              {t('certificates.unlock')}
            </Button>
          )}
          {certificate.status !== 'revoked' && (
            <Button
              size="small"
              danger
              onClick={() => setDialog({ kind: 'revoke', certificate })}
              aria-label={t('certificates.revokeOf', { name: certificate.commonName })}
            >
              {t('certificates.revoke')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {messageHolder}
      {modalHolder}
      <Flex wrap gap={12} align="center" justify="space-between">
        <h1 className="page-title">{t('certificates.title')}</h1>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: 'import' })}>
          {t('certificates.import')}
        </Button>
      </Flex>
      <Flex component="section" aria-label={t('filters')} wrap gap={12} align="end">
        <Labelled label={t('certificates.filterUser')} htmlFor="certificate-user">
          <Input.Search
            id="certificate-user"
            allowClear
            onSearch={(userId) => setFilter((current) => ({ ...current, userId: userId.trim() }))}
            style={{ width: 240 }}
          />
        </Labelled>
        <Labelled label={t('certificates.filterUnit')} htmlFor="certificate-unit">
          <Input.Search
            id="certificate-unit"
            allowClear
            onSearch={(unitCode) => setFilter((current) => ({ ...current, unitCode: unitCode.trim().toUpperCase() }))}
            style={{ width: 200 }}
          />
        </Labelled>
      </Flex>
      <ProblemAlert error={certificates.error ?? unlock.error} />
      <section aria-busy={certificates.isFetching}>
        {certificates.isPending ? (
          <Spin />
        ) : (
          <DataTable
            caption={t('certificates.caption', { count: certificates.data?.length ?? 0 })}
            columns={columns}
            rows={certificates.data ?? []}
            rowKey={(certificate) => certificate.id}
          />
        )}
      </section>
      {dialog?.kind === 'import' && (
        <ImportCertificateDialog
          onClose={() => setDialog(null)}
          onImported={(certificate) =>
            void message.success(t('certificates.imported', { name: certificate.commonName }))
          }
        />
      )}
      {dialog?.kind === 'lock' && (
        <LockDialog
          certificate={dialog.certificate}
          onClose={() => setDialog(null)}
          onLocked={() => void message.success(t('certificates.locked', { name: dialog.certificate.commonName }))}
        />
      )}
      {dialog?.kind === 'revoke' && (
        <RevokeDialog
          certificate={dialog.certificate}
          onClose={() => setDialog(null)}
          onRevoked={() => void message.success(t('certificates.revoked', { name: dialog.certificate.commonName }))}
        />
      )}
    </Space>
  );
}

/** The state in words (a colour only repeats it), with the reason an administrator gave. */
function CertificateStateCell({ certificate }: { certificate: Certificate }) {
  const { t } = useTranslation(ADMIN);
  const reason =
    certificate.status === 'revoked'
      ? certificate.revocationReason
      : certificate.status === 'locked'
        ? certificate.lockReason
        : null;
  return (
    <div>
      {statesOf(certificate).map((state) => (
        <Pill key={state} tone={STATE_COLOURS[state]}>
          {t(`certificates.states.${state}`)}
        </Pill>
      ))}
      {certificate.status === 'revoked' && certificate.revokedAt && (
        <div>{t('certificates.revokedAt', { date: formatDateTime(certificate.revokedAt) })}</div>
      )}
      {reason && (
        <div>
          {certificate.status === 'revoked' ? t(`certificates.reasons.${reason}`, { defaultValue: reason }) : reason}
        </div>
      )}
    </div>
  );
}
