import { NATIONAL_TEMPLATES_V1 } from '../database/migrations/1764200000000-CreateTemplates.seed';
import { LOCALES, TEMPLATE_CHANNELS } from '../domain/notification-kinds';
import { NotificationEnv } from '../notification.env';
import { renderTemplate, templateProblems } from '../templates/template';
import { NoticeLinks } from './notice-links';

describe('the hand-over notice', () => {
  const links = new NoticeLinks({ PUBLIC_LOOKUP_PAGE_URL: 'https://dichvucong.hue.gov.vn/tra-cuu' } as NotificationEnv);

  it("links to the public look-up page with the dossier's code, where the applicant rates the service", () => {
    expect(links.rating('19753-261130-0007')).toBe('https://dichvucong.hue.gov.vn/tra-cuu?ma=19753-261130-0007');
  });

  it('carries the link in every channel and both locales, rendered', () => {
    const ratingUrl = links.rating('19753-261130-0007');
    const handOver = NATIONAL_TEMPLATES_V1.filter((template) => template.kind === 'result-returned');
    expect(handOver).toHaveLength(TEMPLATE_CHANNELS.length * LOCALES.length);
    for (const template of handOver) {
      const rendered = renderTemplate(
        { subject: template.subject ?? undefined, body: template.body },
        { applicantName: 'Trần Thị Hoa', code: '19753-261130-0007', resultChannel: 'tại quầy', ratingUrl },
      );
      expect({ key: `${template.channel}/${template.locale}`, body: rendered.body }).toEqual({
        key: `${template.channel}/${template.locale}`,
        body: expect.stringContaining(ratingUrl),
      });
      expect(rendered.body).toContain('19753-261130-0007 ');
    }
  });

  it('offers the link to the hand-over notice alone: other kinds may not use it', () => {
    expect(templateProblems('result-ready', { body: 'Ho so {{code}}: {{ratingUrl}}' })).toEqual([
      expect.objectContaining({
        code: 'unknownPlaceholder',
        params: expect.objectContaining({ placeholder: 'ratingUrl' }),
      }),
    ]);
  });
});
