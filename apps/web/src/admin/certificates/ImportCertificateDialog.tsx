import { UploadOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Radio, Upload } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { showFieldProblems } from '../../ui/problems';
import { ADMIN } from '../strings';
import { certificateFileAsPem, keyFileAsPem } from './pem';
import { Certificate, useImportCertificate } from './queries';

interface ImportForm {
  userId: string;
  unitCode: string;
  chainPem: string;
  keyStorage: 'device' | 'server';
  privateKeyPem?: string;
}

/** The service's own shape of a unit code, checked before sending so the field says it at once. */
const UNIT_CODE = /^[0-9A-Z][0-9A-Z.]{1,19}$/;

/**
 * Registers an officer's certificate: the chain as PEM (a file or pasted), and, when the service is
 * to sign for the officer, the unencrypted private key. A device-held key (USB token) sends no key.
 */
export function ImportCertificateDialog({
  onClose,
  onImported,
}: {
  onClose: () => void;
  onImported: (certificate: Certificate) => void;
}) {
  const { t } = useTranslation(ADMIN);
  const [form] = Form.useForm<ImportForm>();
  const importCertificate = useImportCertificate();
  const keyStorage = Form.useWatch('keyStorage', form);
  const labels = useMemo(
    () => ({
      userId: t('certificates.userId'),
      unitCode: t('certificates.unitCode'),
      chainPem: t('certificates.chainPem'),
      privateKeyPem: t('certificates.privateKeyPem'),
    }),
    [t],
  );

  async function pickChain(file: File) {
    const read = await certificateFileAsPem(file);
    if ('pem' in read) form.setFields([{ name: 'chainPem', value: read.pem, errors: [] }]);
    else form.setFields([{ name: 'chainPem', errors: [t(`certificates.fileProblem.${read.problem}`)] }]);
  }

  async function pickKey(file: File) {
    const read = await keyFileAsPem(file);
    if ('pem' in read) form.setFields([{ name: 'privateKeyPem', value: read.pem, errors: [] }]);
    else form.setFields([{ name: 'privateKeyPem', errors: [t(`certificates.fileProblem.${read.problem}`)] }]);
  }

  async function submit(values: ImportForm) {
    try {
      const certificate = await importCertificate.mutateAsync({
        userId: values.userId.trim(),
        unitCode: values.unitCode.trim(),
        chainPem: values.chainPem.trim(),
        ...(values.keyStorage === 'server' && values.privateKeyPem
          ? { privateKeyPem: values.privateKeyPem.trim() }
          : {}),
      });
      onImported(certificate);
      onClose();
    } catch (error) {
      showFieldProblems(t, form, error, labels);
    }
  }

  const required = (label: string) => ({ required: true, whitespace: true, message: t('required', { field: label }) });

  return (
    <Modal
      open
      width={720}
      title={t('certificates.importTitle')}
      okText={t('certificates.importSubmit')}
      cancelText={t('actions.cancel', { ns: 'common' })}
      confirmLoading={importCertificate.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ImportForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ keyStorage: 'device' }}
        requiredMark="optional"
      >
        <Form.Item
          name="userId"
          label={labels.userId}
          extra={t('certificates.userIdHelp')}
          rules={[required(labels.userId), { max: 100 }]}
        >
          <Input autoComplete="off" maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item
          name="unitCode"
          label={labels.unitCode}
          extra={t('certificates.unitCodeHelp')}
          normalize={(value: string) => value.toUpperCase()}
          rules={[required(labels.unitCode), { pattern: UNIT_CODE, message: t('certificates.unitCodeFormat') }]}
        >
          <Input autoComplete="off" maxLength={20} inputMode="numeric" />
        </Form.Item>
        <Form.Item label={labels.chainPem} required extra={t('certificates.chainHelp')}>
          <Upload
            accept=".pem,.crt,.cer,.der,.p12,.pfx"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              void pickChain(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined aria-hidden />}>{t('certificates.chooseChainFile')}</Button>
          </Upload>
          <Form.Item
            name="chainPem"
            noStyle
            rules={[required(labels.chainPem), { min: 100, message: t('certificates.chainTooShort') }]}
          >
            <Input.TextArea
              aria-label={labels.chainPem}
              rows={5}
              spellCheck={false}
              placeholder="-----BEGIN CERTIFICATE-----"
              style={{ marginTop: 8, fontFamily: 'monospace' }}
            />
          </Form.Item>
        </Form.Item>
        <Form.Item name="keyStorage" label={t('certificates.keyStorage')}>
          <Radio.Group
            options={[
              { value: 'device', label: t('certificates.storage.device') },
              { value: 'server', label: t('certificates.storage.server') },
            ]}
          />
        </Form.Item>
        {keyStorage === 'server' && (
          <Form.Item label={labels.privateKeyPem} required extra={t('certificates.keyHelp')}>
            <Upload
              accept=".pem,.key"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(file) => {
                void pickKey(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined aria-hidden />}>{t('certificates.chooseKeyFile')}</Button>
            </Upload>
            <Form.Item name="privateKeyPem" noStyle rules={[required(labels.privateKeyPem)]}>
              <Input.TextArea
                aria-label={labels.privateKeyPem}
                rows={4}
                spellCheck={false}
                autoComplete="off"
                placeholder="-----BEGIN PRIVATE KEY-----"
                style={{ marginTop: 8, fontFamily: 'monospace' }}
              />
            </Form.Item>
          </Form.Item>
        )}
        <ProblemAlert error={importCertificate.error} labels={labels} placed={Object.keys(labels)} />
      </Form>
    </Modal>
  );
}
