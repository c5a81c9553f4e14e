import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';
import { runtimeConfig } from '../config/runtime-config';
import { GROUPS_IN_ORDER } from '../queue/priority-groups';
import { QUEUE } from '../queue/strings';
import { communeName, useProvinceUnits } from '../reference/queries';
import { Callout, ProblemCallout } from '../ui/public/PublicParts';
import { PriorityGroup, useTakeTicket } from './queries';
import { StoredTicket } from './stored-ticket';
import { TICKET } from './strings';

/** Where to go and, if it applies, the priority group; the number is then taken and kept on this device. */
export function TakeTicketForm({ onTaken }: { onTaken: (stored: StoredTicket) => void }) {
  const { t, i18n } = useTranslation(TICKET);
  const units = useProvinceUnits(runtimeConfig().provinceCode);
  const take = useTakeTicket();
  const [unitCode, setUnitCode] = useState('');
  const [group, setGroup] = useState<PriorityGroup>('standard');
  const [checked, setChecked] = useState(false);
  const language = i18n.language;
  const places = (units.data?.communes ?? []).map((commune) => ({
    commune,
    label: communeName(commune, language),
    points: (units.data?.servicePoints ?? []).filter((point) => point.parentCode === commune.code),
  }));
  const nameOf = (code: string) => {
    const place = places.find((candidate) => candidate.commune.code === code);
    if (place) return t('centreOf', { commune: place.label });
    const point = units.data?.servicePoints.find((candidate) => candidate.code === code);
    return point ? (language === 'en' ? point.nameEn : point.name) : code;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!unitCode) return;
    take.mutate(
      { unitCode, priorityGroup: group },
      { onSuccess: (ticket) => onTaken({ ticket, unitName: nameOf(unitCode) }) },
    );
  };
  const limit =
    take.error instanceof ApiProblem && take.error.status === 429
      ? take.error.body['scope'] === 'unit'
        ? 'unit'
        : 'address'
      : null;
  return (
    <form className="public-card" onSubmit={submit} noValidate>
      <div className="public-field">
        <label htmlFor="ticket-place">{t('place')}</label>
        <select
          id="ticket-place"
          value={unitCode}
          onChange={(event) => setUnitCode(event.target.value)}
          aria-invalid={checked && !unitCode}
          aria-describedby="ticket-place-hint"
        >
          <option value="">{units.isPending ? t('loadingPlaces') : t('choosePlace')}</option>
          {places.map(({ commune, label, points }) => (
            <optgroup key={commune.code} label={label}>
              <option value={commune.code}>{t('centreOf', { commune: label })}</option>
              {points.map((point) => (
                <option key={point.code} value={point.code}>
                  {language === 'en' ? point.nameEn : point.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <p id="ticket-place-hint" className={checked && !unitCode ? 'public-field-error' : 'public-hint'}>
          {checked && !unitCode ? t('placeRequired') : t('placeHint')}
        </p>
      </div>
      <fieldset className="public-field public-choices">
        <legend>{t('group')}</legend>
        {GROUPS_IN_ORDER.map((candidate) => (
          <label key={candidate}>
            <input
              type="radio"
              name="ticket-group"
              value={candidate}
              checked={group === candidate}
              onChange={() => setGroup(candidate)}
            />
            {t(`groups.${candidate}`, { ns: QUEUE })}
          </label>
        ))}
        <p className="public-hint">{t('groupHint')}</p>
      </fieldset>
      {units.error && <ProblemCallout error={units.error} />}
      {limit && <Callout tone="warning" title={t(`limit.${limit}`)} />}
      {take.error && !limit && <ProblemCallout error={take.error} />}
      <button type="submit" className="primary-button" aria-busy={take.isPending}>
        {t('take')}
      </button>
    </form>
  );
}
