import { Alert, Button, Form, Input, Result } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/clients';
import type { components } from '../../api/generated/intake';
import { ApiProblem } from '../../api/problem';
import { addTranslations } from '../../i18n/i18n';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { placeFieldProblems } from '../../ui/problems';
import en from '../locales/en.json';
import vi from '../locales/vi.json';
import { StarRating } from './StarRating';
import './rating.css';

const LOOKUP = 'lookup';
addTranslations(LOOKUP, { vi, en });

/** The service's limit on the comment. */
export const COMMENT_MAX_LENGTH = 1000;
const SCORES = [1, 2, 3, 4, 5] as const;

type PublicRating = components['schemas']['PublicRatingDto'];

interface RatingForm {
  score?: number;
  comment?: string;
}

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
  const [form] = Form.useForm<RatingForm>();
  const [shown, setShown] = useState<Shown>(rating.rated ? { kind: 'rated', score: rating.score } : { kind: 'form' });
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const score = Form.useWatch('score', form);
  const send = useMutation({
    mutationFn: (body: { score: number; comment?: string }) =>
      unwrap(api.intake.POST('/api/v1/dossiers/{code}/rating', { params: { path: { code } }, body: { phone, ...body } })),
  });
  const labels = { score: t('rating.scoreLabel'), comment: t('rating.commentLabel') };
  const starLabels = SCORES.map((stars) => t('rating.star', { count: stars, meaning: t(`rating.meaning.${stars}`) }));

  if (!rating.canRate && !rating.rated) return null;

  async function submit(values: RatingForm) {
    setUnplaced(null);
    const comment = values.comment?.trim();
    try {
      const saved = await send.mutateAsync({ score: values.score!, ...(comment ? { comment } : {}) });
      setShown({ kind: 'thanks', score: saved.score });
    } catch (error) {
      const kept = keptScore(error);
      if (kept !== undefined) setShown({ kind: 'rated', score: kept });
      else setUnplaced(placeFieldProblems(form, error, labels));
    }
  }

  return (
    <section className="service-rating" aria-labelledby="service-rating-title">
      <h2 id="service-rating-title" className="service-rating-title">
        {t('rating.title')}
      </h2>
      {shown.kind === 'thanks' && (
        <Result
          status="success"
          title={t('rating.thanks')}
          subTitle={t('rating.thanksDetail', { count: shown.score })}
          role="status"
          className="service-rating-result"
        />
      )}
      {shown.kind === 'rated' && (
        <Alert
          type="info"
          showIcon
          role="status"
          title={t('rating.alreadyRated')}
          description={shown.score === null ? t('rating.alreadyRatedNoScore') : t('rating.alreadyRatedDetail', { count: shown.score })}
        />
      )}
      {shown.kind === 'form' && (
        <>
          <p>{t('rating.intro')}</p>
          <Form<RatingForm> form={form} layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
            <Form.Item name="score" rules={[{ required: true, message: t('rating.scoreRequired') }]}>
              <StarRating label={labels.score} starLabels={starLabels} meaning={score ? t(`rating.meaning.${score}`) : undefined} />
            </Form.Item>
            <Form.Item name="comment" label={labels.comment} extra={t('rating.commentHint')}>
              <Input.TextArea rows={3} maxLength={COMMENT_MAX_LENGTH} showCount autoComplete="off" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={send.isPending}>
              {t('rating.submit')}
            </Button>
          </Form>
          {unplaced ? (
            unplaced instanceof ApiProblem && unplaced.type.endsWith('/conflict/not-handed-over') ? (
              <Alert role="alert" type="warning" showIcon title={t('rating.notHandedOver')} style={{ marginTop: 12 }} />
            ) : (
              <div style={{ marginTop: 12 }}>
                <ProblemAlert error={unplaced} labels={labels} />
              </div>
            )
          ) : null}
        </>
      )}
    </section>
  );
}
