import { useMutation } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/clients';
import type { components } from '../../api/generated/intake';
import { ApiProblem } from '../../api/problem';
import { Callout, ProblemCallout } from '../../ui/public/PublicParts';
import { LOOKUP } from '../strings';
import { StarRating } from './StarRating';
import './rating.css';

/** The service's limit on the comment. */
export const COMMENT_MAX_LENGTH = 1000;
const SCORES = [1, 2, 3, 4, 5] as const;

type PublicRating = components['schemas']['PublicRatingDto'];

/** What the section shows: the form, the thanks after rating here, or the rating given before. */
type Shown = { kind: 'form' } | { kind: 'thanks'; score: number } | { kind: 'rated'; score: number | null };

/** The rating the service says it kept, from a 409 `already-rated` answer. */
function keptScore(error: unknown): number | null | undefined {
  if (!(error instanceof ApiProblem) || !error.type.endsWith('/conflict/already-rated')) return undefined;
  const rating = error.body['rating'] as { score?: unknown } | undefined;
  return typeof rating?.score === 'number' ? rating.score : null;
}

/**
 * The applicant's rating of the service on the public look-up, once the result is handed over:
 * 1 to 5 stars and an optional comment, sent with the phone digits the look-up was made with.
 * Shown when the look-up says the dossier can be rated, or was rated already; once per dossier.
 */
export function ServiceRating({ code, phone, rating }: { code: string; phone: string; rating: PublicRating }) {
  const { t } = useTranslation(LOOKUP);
  const [shown, setShown] = useState<Shown>(rating.rated ? { kind: 'rated', score: rating.score } : { kind: 'form' });
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [checked, setChecked] = useState(false);
  const send = useMutation({
    mutationFn: (body: { score: number; comment?: string }) =>
      unwrap(
        api.intake.POST('/api/v1/dossiers/{code}/rating', { params: { path: { code } }, body: { phone, ...body } }),
      ),
    onSuccess: (saved) => setShown({ kind: 'thanks', score: saved.score }),
    onError: (error) => {
      const kept = keptScore(error);
      if (kept !== undefined) setShown({ kind: 'rated', score: kept });
    },
  });
  if (!rating.canRate && !rating.rated) return null;

  const labels = { score: t('rating.scoreLabel'), comment: t('rating.commentLabel') };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    const trimmed = comment.trim();
    if (score !== null) send.mutate({ score, ...(trimmed ? { comment: trimmed } : {}) });
  };
  return (
    <section className="service-rating" aria-labelledby="service-rating-title">
      <h2 id="service-rating-title" className="service-rating-title">
        {t('rating.title')}
      </h2>
      {shown.kind === 'thanks' && (
        <Callout tone="success" title={t('rating.thanks')}>
          {t('rating.thanksDetail', { count: shown.score })}
        </Callout>
      )}
      {shown.kind === 'rated' && (
        <Callout tone="info" title={t('rating.alreadyRated')}>
          {shown.score === null
            ? t('rating.alreadyRatedNoScore')
            : t('rating.alreadyRatedDetail', { count: shown.score })}
        </Callout>
      )}
      {shown.kind === 'form' && (
        <form onSubmit={submit} noValidate>
          <p>{t('rating.intro')}</p>
          <StarRating
            value={score}
            onChange={setScore}
            label={labels.score}
            starLabels={SCORES.map((stars) =>
              t('rating.star', { count: stars, meaning: t(`rating.meaning.${stars}`) }),
            )}
            meaning={score ? t(`rating.meaning.${score}`) : undefined}
            error={checked && score === null ? t('rating.scoreRequired') : undefined}
          />
          <div className="public-field">
            <label htmlFor="rating-comment">{labels.comment}</label>
            <textarea
              id="rating-comment"
              rows={3}
              maxLength={COMMENT_MAX_LENGTH}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
              autoComplete="off"
              aria-describedby="rating-comment-hint"
            />
            <p className="public-hint service-rating-count" aria-hidden="true">
              {comment.length} / {COMMENT_MAX_LENGTH}
            </p>
            <p id="rating-comment-hint" className="public-hint">
              {t('rating.commentHint')}
            </p>
          </div>
          <button type="submit" className="primary-button" aria-busy={send.isPending} disabled={send.isPending}>
            {t('rating.submit')}
          </button>
          {send.error && keptScore(send.error) === undefined && (
            <div style={{ marginTop: 12 }}>
              {send.error instanceof ApiProblem && send.error.type.endsWith('/conflict/not-handed-over') ? (
                <Callout tone="warning" title={t('rating.notHandedOver')} />
              ) : (
                <ProblemCallout error={send.error} labels={labels} />
              )}
            </div>
          )}
        </form>
      )}
    </section>
  );
}
