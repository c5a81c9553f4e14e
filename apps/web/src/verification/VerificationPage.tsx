import { FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiProblem } from '../api/problem';
import { PublicFrame } from '../ui/public/PublicFrame';
import { Callout, ProblemCallout } from '../ui/public/PublicParts';
import { useSignedResult, useUploadVerification } from './queries';
import { ReportView } from './ReportView';
import { VERIFICATION } from './strings';

/**
 * Where a signed result's QR code leads (/xac-minh/<code>): the office's own copy verified, in
 * plain words; and below, a PDF the citizen holds checked the same way, so that a copy someone
 * hands them can be compared with what the office signed.
 */
export function VerificationPage() {
  const { t } = useTranslation(VERIFICATION);
  const code = useParams().code ?? '';
  const result = useSignedResult(code);
  return (
    <PublicFrame title={t('title')} intro={t('intro')}>
      {code && (
        <section aria-labelledby="verification-result">
          <h2 id="verification-result">{t('resultOf', { code })}</h2>
          {result.isPending && <p role="status">{t('checking')}</p>}
          {result.error &&
            (result.error instanceof ApiProblem && result.error.status === 404 ? (
              <Callout tone="warning" title={t('noResult', { code })} />
            ) : (
              <ProblemCallout error={result.error} />
            ))}
          {result.data && <ReportView report={result.data} signedAt={result.data.signedAt} />}
        </section>
      )}
      <UploadCheck />
    </PublicFrame>
  );
}

/** A PDF chosen on the device, sent to the service as it is, and its report shown. */
function UploadCheck() {
  const { t } = useTranslation(VERIFICATION);
  const input = useRef<HTMLInputElement>(null);
  const [missing, setMissing] = useState(false);
  const upload = useUploadVerification();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setMissing(!file);
    if (file) upload.mutate(file);
  };
  return (
    <section aria-labelledby="verification-upload">
      <h2 id="verification-upload">{t('uploadTitle')}</h2>
      <form className="public-card" onSubmit={submit} noValidate>
        <div className="public-field">
          <label htmlFor="verification-file">{t('file')}</label>
          <input
            id="verification-file"
            ref={input}
            type="file"
            accept="application/pdf,.pdf"
            aria-invalid={missing}
            aria-describedby="verification-file-hint"
          />
          <p id="verification-file-hint" className={missing ? 'public-field-error' : 'public-hint'}>
            {missing ? t('fileMissing') : t('fileHint')}
          </p>
        </div>
        <button type="submit" className="primary-button" aria-busy={upload.isPending}>
          {t('check')}
        </button>
      </form>
      {upload.error && <ProblemCallout error={upload.error} labels={{ body: t('file') }} />}
      {upload.data && <ReportView report={upload.data} />}
    </section>
  );
}
