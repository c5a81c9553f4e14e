import { NATIONAL_TEMPLATES_V1 } from '../database/migrations/1764200000000-CreateTemplates.seed';
import { LOCALES, NOTIFICATION_KINDS, NotificationKind, TEMPLATE_CHANNELS } from '../domain/notification-kinds';
import { renderTemplate, smsSegments, templateProblems } from './template';

/** The seeded national versions, as a template's text. */
const DEFAULT_TEMPLATES = NATIONAL_TEMPLATES_V1.map((template) => ({
  ...template,
  kind: template.kind as NotificationKind,
  subject: template.subject ?? undefined,
}));

describe('notification templates', () => {
  it('accepts a template that uses the required placeholders and only known ones', () => {
    expect(
      templateProblems('dossier-received', {
        subject: 'Đã tiếp nhận hồ sơ {{code}}',
        body: 'Hẹn trả kết quả ngày {{appointmentDate}}. Tra cứu: {{lookupUrl}}',
      }),
    ).toEqual([]);
  });

  it('names an unknown placeholder, a missing required one and stray braces', () => {
    const problems = templateProblems('dossier-received', {
      subject: 'Hồ sơ {{code}}',
      body: 'Xin chào {{citizenId}}, {{ hẹn }}',
    });
    expect(problems).toEqual([
      { field: 'body', code: 'strayBraces', message: 'has braces that are not a {{placeholder}}' },
      {
        field: 'body',
        code: 'unknownPlaceholder',
        params: expect.objectContaining({ placeholder: 'citizenId' }),
        message: expect.stringMatching(/^uses \{\{citizenId\}\}, which dossier-received does not provide/),
      },
      {
        field: 'body',
        code: 'missingPlaceholder',
        params: { placeholder: 'appointmentDate' },
        message: 'must use {{appointmentDate}}',
      },
    ]);
  });

  it('renders values, and leaves nothing of a placeholder it has no value for', () => {
    expect(
      renderTemplate(
        { subject: 'Hồ sơ {{code}}', body: '{{applicantName}}: hẹn {{ appointmentDate }}' },
        { code: '19774-261123-0001', appointmentDate: '27/11/2026' },
      ),
    ).toEqual({
      subject: 'Hồ sơ 19774-261123-0001',
      body: ': hẹn 27/11/2026',
    });
  });

  it('counts SMS segments: GSM-7 at 160/153, Vietnamese with diacritics at 70/67', () => {
    expect(smsSegments('Ho so 19774-261123-0001 da duoc tiep nhan')).toEqual({ encoding: 'gsm-7', segments: 1 });
    expect(smsSegments('a'.repeat(161))).toEqual({ encoding: 'gsm-7', segments: 2 });
    expect(smsSegments('Hồ sơ đã được tiếp nhận')).toEqual({ encoding: 'ucs-2', segments: 1 });
    expect(smsSegments('ồ'.repeat(71))).toEqual({ encoding: 'ucs-2', segments: 2 });
  });
});

describe('the default templates', () => {
  it('each passes the checks a saved template must pass', () => {
    for (const template of DEFAULT_TEMPLATES)
      expect({ template, problems: templateProblems(template.kind, template) }).toEqual({ template, problems: [] });
  });
});

describe('the default templates', () => {
  it('cover every kind on every templated channel in both locales, Vietnamese SMS in GSM-7', () => {
    const keys = new Set(
      DEFAULT_TEMPLATES.map((template) => `${template.kind}/${template.channel}/${template.locale}`),
    );
    for (const kind of Object.keys(NOTIFICATION_KINDS)) {
      for (const channel of TEMPLATE_CHANNELS)
        for (const locale of LOCALES) expect(keys).toContain(`${kind}/${channel}/${locale}`);
    }
    for (const template of DEFAULT_TEMPLATES.filter((t) => t.channel === 'sms'))
      expect({ body: template.body, ...smsSegments(template.body.replace(/\{\{\w+\}\}/g, '')) }).toMatchObject({
        encoding: 'gsm-7',
      });
  });
});
