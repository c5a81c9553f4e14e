import { PrinterOutlined } from '@ant-design/icons';
import { Button, Result, Segmented, Space, Spin } from 'antd';
import { QRCodeSVG } from 'qrcode.react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../auth/AuthProvider';
import { runtimeConfig } from '../config/runtime-config';
import { useProcedureName, useUnitName } from '../reference/queries';
import { formatDate, formatDateTime } from '../ui/format';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useIntakeDossier } from './queries';
import { COUNTER } from './strings';
import './receipt.css';

type Paper = 'A4' | 'A5';

/** The look-up address a receipt's QR code opens: the public page with the code filled in. */
export function lookupUrlOf(code: string): string {
  const url = new URL(runtimeConfig().publicLookupUrl);
  url.searchParams.set('ma', code);
  return url.toString();
}

/**
 * The receipt and appointment slip handed to the applicant, printed on A4 or A5: the code, what
 * was received, the appointment, and a QR code to the public look-up. Always in Vietnamese: it is an official paper.
 */
export function ReceiptPage() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation(COUNTER);
  const vi = i18n.getFixedT('vi', COUNTER);
  const { principal } = useAuth();
  const [paper, setPaper] = useState<Paper>('A5');
  const dossier = useIntakeDossier(code);
  const procedureName = useProcedureName();
  const unitName = useUnitName(principal?.provinceCode);

  if (dossier.isPending) return <Spin fullscreen />;
  if (dossier.error)
    return (
      <Result
        status="warning"
        title={<ProblemAlert error={dossier.error} />}
        extra={<Link to="/quay/tiep-nhan">{t('receipt.back')}</Link>}
      />
    );
  const filed = dossier.data;
  const lookupUrl = lookupUrlOf(filed.code);

  return (
    <div className="receipt-page">
      {/* The paper size for the browser's print dialog. */}
      <style>{`@page { size: ${paper}; margin: 12mm; }`}</style>
      <Space className="no-print" wrap style={{ padding: 16 }}>
        <Link to="/quay/tiep-nhan">{t('receipt.back')}</Link>
        <Segmented<Paper> aria-label={t('receipt.size')} value={paper} onChange={setPaper} options={['A4', 'A5']} />
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('receipt.print')}
        </Button>
      </Space>
      <main className={`receipt receipt-${paper.toLowerCase()}`} lang="vi">
        <header className="receipt-header">
          <div>
            <div>{vi('receipt.authority')}</div>
            <div className="receipt-unit">{unitName(filed.receivingUnitCode, 'vi').toLocaleUpperCase('vi')}</div>
          </div>
          <div>
            <div className="receipt-nation">{vi('receipt.nation')}</div>
            <div className="receipt-motto">{vi('receipt.motto')}</div>
          </div>
        </header>
        <h1>{vi('receipt.title')}</h1>
        <dl>
          <dt>{vi('receipt.code')}</dt>
          <dd className="receipt-code">{filed.code}</dd>
          <dt>{vi('receipt.receivedAt')}</dt>
          <dd>{formatDateTime(filed.receivedAt ?? filed.filedAt)}</dd>
          <dt>{vi('receipt.applicant')}</dt>
          <dd>{filed.applicant.name}</dd>
          <dt>{vi('receipt.phone')}</dt>
          <dd>{filed.applicant.phone}</dd>
          <dt>{vi('receipt.commune')}</dt>
          <dd>{unitName(filed.applicant.address.communeCode, 'vi')}</dd>
          <dt>{vi('receipt.procedure')}</dt>
          <dd>{procedureName(filed.procedure.code, 'vi')}</dd>
          <dt>{vi('receipt.documents')}</dt>
          <dd>
            <ol>
              {filed.documents.map((document) => (
                <li key={document.sha256}>{document.fileName}</li>
              ))}
            </ol>
          </dd>
          {filed.missingDocuments.length > 0 && (
            <>
              <dt>{vi('receipt.missing')}</dt>
              <dd>{filed.missingDocuments.join('; ')}</dd>
            </>
          )}
          <dt>{vi('receipt.appointment')}</dt>
          <dd className="receipt-appointment">{formatDate(filed.appointmentDate)}</dd>
        </dl>
        <footer className="receipt-footer">
          <figure>
            <QRCodeSVG
              value={lookupUrl}
              size={112}
              level="M"
              role="img"
              aria-label={vi('receipt.qrLabel', { code: filed.code })}
            />
            <figcaption>
              {vi('receipt.lookup', { url: new URL(lookupUrl).origin + new URL(lookupUrl).pathname })}
            </figcaption>
          </figure>
          <div className="receipt-signature">
            <div>{vi('receipt.officer')}</div>
            <div className="receipt-signer">{principal?.name}</div>
          </div>
        </footer>
      </main>
    </div>
  );
}
