import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../ui/format';
import { Callout, Facts, Tone } from '../ui/public/PublicParts';
import { VERIFICATION } from './strings';
import { signingTimeOf, trustOf, VerificationReport, Verdict, verdictOf } from './verdict';

const TONE: Record<Verdict, Tone> = {
  valid: 'success',
  changed: 'error',
  revoked: 'error',
  untrusted: 'warning',
  unsigned: 'warning',
  undetermined: 'warning',
};

/** The verdict in plain words, then each signature: who, when, whether the document is intact and the signer trusted. */
export function ReportView({ report, signedAt }: { report: VerificationReport; signedAt?: string }) {
  const { t } = useTranslation(VERIFICATION);
  const verdict = verdictOf(report);
  return (
    <>
      <Callout tone={TONE[verdict]} title={t(`verdict.${verdict}.title`)}>
        {t(`verdict.${verdict}.text`)}
      </Callout>
      {report.signatures.map((signature, index) => {
        const time = signingTimeOf(signature);
        return (
          <section key={index} className="public-card" aria-label={t('signatureNumber', { number: index + 1 })}>
            <h2>{t('signatureNumber', { number: index + 1 })}</h2>
            <Facts
              rows={[
                [t('signer'), signature.signer?.commonName ?? t('unknown')],
                [t('issuer'), signature.signer?.issuer ?? t('unknown')],
                [
                  t('signedAt'),
                  time.at ? `${formatDateTime(time.at)} ${time.stamped ? t('stamped') : t('claimed')}` : t('unknown'),
                ],
                [
                  t('integrity'),
                  t(
                    `integrityValue.${signature.integrity === 'intact' && signature.changesAfter === 'content' ? 'modified' : signature.integrity}`,
                  ),
                ],
                [t('trust'), t(`trustValue.${trustOf(signature)}`)],
              ]}
            />
          </section>
        );
      })}
      <p className="public-hint">
        {signedAt && `${t('storedAt', { at: formatDateTime(signedAt) })} `}
        {t('fingerprint')}: <code style={{ overflowWrap: 'anywhere' }}>{report.documentSha256}</code>
      </p>
    </>
  );
}
