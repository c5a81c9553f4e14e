import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiProblem } from '../api/problem';
import { PublicFrame } from '../ui/public/PublicFrame';
import { Callout, ProblemCallout, TextField } from '../ui/public/PublicParts';
import { useStatusLookup } from './queries';
import { ServiceRating } from './rating/ServiceRating';
import { StatusCard } from './StatusCard';
import { LOOKUP } from './strings';

/**
 * The public status look-up a receipt's QR code opens (?ma=<code>): no sign-in, the code and the
 * last four digits of the phone given at filing, then the status, the appointment and the steps.
 */
export function PublicLookupPage() {
  const { t } = useTranslation(LOOKUP);
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('ma') ?? '');
  const [phone, setPhone] = useState('');
  const [checked, setChecked] = useState(false);
  const lookup = useStatusLookup();
  const codeError = checked && !code.trim() ? t('required', { field: t('code').toLowerCase() }) : undefined;
  const phoneError = checked && !/^\d{4}$/.test(phone) ? t('phoneFormat') : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (code.trim() && /^\d{4}$/.test(phone)) lookup.mutate({ code, phone });
  };
  const found = lookup.data;
  return (
    <PublicFrame title={t('title')} intro={t('intro')}>
      <form className="public-card" onSubmit={submit} noValidate>
        <TextField
          id="lookup-code"
          label={t('code')}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          autoComplete="off"
          maxLength={40}
          error={codeError}
        />
        <TextField
          id="lookup-phone"
          label={t('phone')}
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          autoFocus={Boolean(params.get('ma'))}
          error={phoneError}
        />
        <button type="submit" className="primary-button" aria-busy={lookup.isPending}>
          {t('submit')}
        </button>
      </form>
      {lookup.error &&
        (lookup.error instanceof ApiProblem && lookup.error.status === 404 ? (
          <Callout tone="warning" title={t('notFound')} />
        ) : (
          <ProblemCallout error={lookup.error} />
        ))}
      {found && (
        <StatusCard found={found}>
          <ServiceRating
            key={found.code}
            code={found.code}
            phone={lookup.variables?.phone ?? ''}
            rating={found.rating}
          />
        </StatusCard>
      )}
    </PublicFrame>
  );
}
