import { FileTextOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Input, Modal, Space, Steps, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/problem';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { placeFieldProblems } from '../../ui/problems';
import { LEADERSHIP } from '../strings';
import {
  Certificate,
  SignatureRequest,
  useCompleteSignature,
  useOpenResultDocument,
  usePrepareSignature,
} from './queries';
import { cleanSignatureText, isBase64, signatureValueFromFile } from './signature-value';

/** Algorithm identifiers the service names, in words a leader's device software shows. */
const ALGORITHMS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '1.2.840.113549.1.1.11': 'RSA PKCS#1 v1.5 / SHA-256',
  '1.2.840.10045.4.3.2': 'ECDSA / SHA-256',
};

/** The form field is named like the request's field, so the service's problem lands next to it. */
const SIGNATURE_FIELD: ['signatures', number] = ['signatures', 0];

/**
 * The two-step signature of a result waiting for the leader's device or remote key: the service
 * gives the digest of the result, the device signs it, and the signature value completes the PDF.
 */
export function DeviceSigningDialog({
  request,
  certificate,
  onClose,
  onSigned,
}: {
  request: SignatureRequest;
  certificate: Certificate;
  onClose: () => void;
  onSigned: (request: SignatureRequest) => void;
}) {
  const { t } = useTranslation(LEADERSHIP);
  const [form] = Form.useForm<{ signatures: string[] }>();
  const prepare = usePrepareSignature();
  const complete = useCompleteSignature();
  const openResult = useOpenResultDocument();
  const fileInput = useRef<HTMLInputElement>(null);
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const [copied, setCopied] = useState(false);
  const preparation = prepare.data;
  const digest = preparation?.hashes[0] ?? '';
  const labels = { 'signatures.0': t('device.signatureValue') };
  // An expired or already completed preparation (409) needs a new digest, not the same value again.
  const needsNewDigest = complete.error instanceof ApiProblem && complete.error.status === 409;

  function start() {
    complete.reset();
    setUnplaced(null);
    setCopied(false);
    form.resetFields();
    prepare.mutate({ requestId: request.id, certificateId: certificate.id });
  }

  async function submit() {
    if (!preparation) return;
    // The form shows what is missing next to each field; nothing is sent.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setUnplaced(null);
    try {
      await complete.mutateAsync({
        preparationId: preparation.id,
        signatureValue: cleanSignatureText(values.signatures[0]),
      });
      onSigned(request);
    } catch (error) {
      // A 409 is said below with what to do next: prepare a new digest.
      if (error instanceof ApiProblem && error.status === 409) return;
      setUnplaced(placeFieldProblems(form, error, labels));
    }
  }

  async function readFile(file: File | undefined) {
    if (!file) return;
    const value = signatureValueFromFile(new Uint8Array(await file.arrayBuffer()));
    form.setFieldValue(SIGNATURE_FIELD, value);
    // Checked at once, so a file that holds no signature is said before submitting.
    await form.validateFields([SIGNATURE_FIELD]).catch(() => undefined);
  }

  async function copyDigest() {
    await navigator.clipboard.writeText(digest);
    setCopied(true);
  }

  function downloadDigest() {
    const url = URL.createObjectURL(new Blob([digest], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${request.dossierCode}.sha256.b64.txt`;
    link.click();
    URL.revokeObjectURL(url);
  }

  const step = !preparation ? 0 : complete.isSuccess ? 2 : 1;
  return (
    <Modal
      open
      width={640}
      title={t('device.title', { code: request.dossierCode })}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          {t('actions.close', { ns: 'common' })}
        </Button>,
        preparation && !needsNewDigest ? (
          <Button key="complete" type="primary" loading={complete.isPending} onClick={() => void submit()}>
            {t('device.complete')}
          </Button>
        ) : (
          <Button key="prepare" type="primary" loading={prepare.isPending} onClick={start}>
            {preparation ? t('device.prepareAgain') : t('device.prepare')}
          </Button>
        ),
      ]}
    >
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[
          { title: t('device.stepDigest') },
          { title: t('device.stepSign') },
          { title: t('device.stepComplete') },
        ]}
      />
      <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('device.requestedAt')}>{formatDateTime(request.createdAt)}</Descriptions.Item>
        <Descriptions.Item
          label={t('device.certificate')}
        >{`${certificate.commonName} · ${certificate.serialNumber}`}</Descriptions.Item>
        <Descriptions.Item label={t('device.result')}>
          <Button
            size="small"
            icon={<FileTextOutlined aria-hidden />}
            loading={openResult.isPending}
            onClick={() => openResult.mutate(request.resultDocumentId)}
          >
            {t('device.openResult')}
          </Button>
        </Descriptions.Item>
      </Descriptions>
      <ProblemAlert error={openResult.error} />
      {!preparation && <Typography.Paragraph>{t('device.intro')}</Typography.Paragraph>}
      <ProblemAlert error={prepare.error} />
      {preparation && (
        <>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small" style={{ marginBottom: 8 }}>
            <Descriptions.Item label={t('device.hashAlgo')}>
              {ALGORITHMS[preparation.hashAlgo] ?? preparation.hashAlgo}
            </Descriptions.Item>
            <Descriptions.Item label={t('device.signAlgo')}>
              {ALGORITHMS[preparation.signAlgo] ?? preparation.signAlgo}
            </Descriptions.Item>
            <Descriptions.Item label={t('device.expiresAt')}>{formatDateTime(preparation.expiresAt)}</Descriptions.Item>
          </Descriptions>
          <label htmlFor="device-digest">{t('device.digest')}</label>
          <Space.Compact style={{ width: '100%', margin: '4px 0 4px' }}>
            <Input
              id="device-digest"
              readOnly
              value={digest}
              style={{ fontFamily: 'monospace' }}
              onFocus={(event) => event.target.select()}
            />
            <Button onClick={() => void copyDigest()}>{copied ? t('device.copied') : t('device.copy')}</Button>
          </Space.Compact>
          <Space wrap style={{ marginBottom: 12 }}>
            <Button size="small" onClick={downloadDigest}>
              {t('device.downloadDigest')}
            </Button>
            <Typography.Text type="secondary">{t('device.signHint')}</Typography.Text>
          </Space>
          <Form form={form} layout="vertical" preserve={false} disabled={needsNewDigest || complete.isPending}>
            <Form.Item
              name={SIGNATURE_FIELD}
              label={labels['signatures.0']}
              extra={t('device.signatureHint')}
              rules={[
                { required: true, whitespace: true, message: t('device.signatureRequired') },
                {
                  validator: (_, value: string | undefined) =>
                    !value || isBase64(cleanSignatureText(value))
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('device.signatureNotBase64'))),
                },
              ]}
            >
              <Input.TextArea rows={4} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
            <input
              ref={fileInput}
              type="file"
              style={{ display: 'none' }}
              aria-hidden
              tabIndex={-1}
              accept=".sig,.b64,.txt,.bin,application/octet-stream,text/plain"
              onChange={(event) => void readFile(event.target.files?.[0]).finally(() => (event.target.value = ''))}
            />
            <Button icon={<UploadOutlined aria-hidden />} onClick={() => fileInput.current?.click()}>
              {t('device.upload')}
            </Button>
          </Form>
        </>
      )}
      {needsNewDigest && (
        <Alert type="warning" showIcon role="alert" style={{ marginTop: 12 }} title={t('device.expired')} />
      )}
      <div style={{ marginTop: 12 }}>
        <ProblemAlert error={unplaced} labels={labels} placed={['signatures.0']} />
      </div>
    </Modal>
  );
}
