import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The national wording of the hand-over notice (`result-returned`) as of the citizens' rating:
 * the link to the look-up page where the applicant rates the service. Written out here, not read
 * from the default templates, so this migration keeps doing what it did whatever they become.
 */
const HAND_OVER: ReadonlyArray<{ channel: string; locale: string; subject: string | null; body: string }> = [
  {
    channel: 'email',
    locale: 'vi',
    subject: 'Đã trả kết quả hồ sơ {{code}}',
    body: 'Kính gửi Ông/Bà {{applicantName}},\n\nKết quả hồ sơ {{code}} đã được trả ({{resultChannel}}).\nMời Ông/Bà đánh giá mức độ hài lòng: {{ratingUrl}}',
  },
  {
    channel: 'inbox',
    locale: 'vi',
    subject: 'Đã trả kết quả hồ sơ {{code}}',
    body: 'Kết quả hồ sơ {{code}} đã được trả ({{resultChannel}}).\nMời Ông/Bà đánh giá mức độ hài lòng: {{ratingUrl}}',
  },
  {
    channel: 'zalo',
    locale: 'vi',
    subject: null,
    body: 'Kết quả hồ sơ {{code}} đã được trả ({{resultChannel}}).\nMời Ông/Bà đánh giá mức độ hài lòng: {{ratingUrl}}',
  },
  {
    channel: 'sms',
    locale: 'vi',
    subject: null,
    body: 'Ket qua ho so {{code}} da duoc tra ({{resultChannel}}). Danh gia muc do hai long: {{ratingUrl}}',
  },
  {
    channel: 'email',
    locale: 'en',
    subject: 'Result of dossier {{code}} handed over',
    body: 'Dear {{applicantName}},\n\nThe result of your dossier {{code}} was handed over ({{resultChannel}}).\nPlease rate our service: {{ratingUrl}}',
  },
  {
    channel: 'inbox',
    locale: 'en',
    subject: 'Result of dossier {{code}} handed over',
    body: 'The result of your dossier {{code}} was handed over ({{resultChannel}}).\nPlease rate our service: {{ratingUrl}}',
  },
  {
    channel: 'zalo',
    locale: 'en',
    subject: null,
    body: 'The result of your dossier {{code}} was handed over ({{resultChannel}}).\nPlease rate our service: {{ratingUrl}}',
  },
  {
    channel: 'sms',
    locale: 'en',
    subject: null,
    body: 'Result of dossier {{code}} handed over ({{resultChannel}}). Rate our service: {{ratingUrl}}',
  },
];

/**
 * The hand-over notice links to the rating: each national default of `result-returned` whose
 * current version has no `{{ratingUrl}}` gets a new seeded version that has it (a database created
 * since already has it in its first). Provinces' own versions are theirs to change: the
 * placeholder is offered to them, not imposed.
 */
export class RatingLinkInHandOverNotice1766500000000 implements MigrationInterface {
  name = 'RatingLinkInHandOverNotice1766500000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const template of HAND_OVER) {
      await runner.query(
        `INSERT INTO templates (province_code, kind, channel, locale, version, subject, body, created_by)
         SELECT NULL, current.kind, current.channel, current.locale, current.version + 1, $3, $4, 'seed'
           FROM (SELECT kind, channel, locale, version, body FROM templates
                  WHERE province_code IS NULL AND kind = 'result-returned' AND channel = $1 AND locale = $2
                  ORDER BY version DESC LIMIT 1) AS current
          WHERE position('{{ratingUrl}}' IN current.body) = 0`,
        [template.channel, template.locale, template.subject, template.body],
      );
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    // Only the versions this migration added: a first version that has the link came with the database.
    await runner.query(
      `DELETE FROM templates WHERE province_code IS NULL AND kind = 'result-returned' AND created_by = 'seed' AND version > 1 AND position('{{ratingUrl}}' IN body) > 0`,
    );
  }
}
