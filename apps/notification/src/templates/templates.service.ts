import { Injectable } from '@nestjs/common';
import { FieldProblem } from '@onestop/contracts';
import { invalidRequest, Principal } from '@onestop/platform';
import {
  isNotificationKind,
  LOCALES,
  Locale,
  NOTIFICATION_KINDS,
  NotificationKind,
  TEMPLATE_CHANNELS,
  TemplateChannel,
} from '../domain/notification-kinds';
import { NotificationProblems } from '../problems';
import { CurrentTemplates } from './current-templates';
import { PreviewDto, TemplateDto, TemplateScopeQueryDto } from './dto/template.dto';
import { RenderedTemplateDto } from './dto/template-version.dto';
import { renderTemplate, smsSegments, templateProblems, TemplateText } from './template';
import { TemplateEntity } from './template.entity';
import { isConcurrentSave, TemplateKey, TemplatesStore } from './templates.store';

/** Sample values for previews: what a real message of the kind would show. */
const SAMPLE: Record<string, string> = {
  applicantName: 'Nguyễn Thị Lan',
  code: '19774-261123-0001',
  procedureName: 'Đăng ký hộ kinh doanh',
  appointmentDate: '27/11/2026',
  newAppointmentDate: '02/12/2026',
  lookupUrl: 'https://dichvucong.example.gov.vn/tra-cuu/19774-261123-0001',
  ratingUrl: 'https://dichvucong.example.gov.vn/tra-cuu?ma=19774-261123-0001',
  reasons: 'Thiếu hợp đồng thuê mặt bằng',
  reason: 'Chờ ý kiến cơ quan liên quan',
  resultChannel: 'tại quầy',
  dueAt: '27/11/2026 17:00',
  workItemUrl: 'https://motcua.example.gov.vn/ho-so/19774-261123-0001',
};

/** The route's kind, channel and locale, each checked against the vocabulary. */
export function templateKey(kind: string, channel: string, locale: string): TemplateKey {
  const problems: FieldProblem[] = [];
  if (!isNotificationKind(kind))
    problems.push({
      field: 'kind',
      code: 'isIn',
      message: `must be one of ${Object.keys(NOTIFICATION_KINDS).join(', ')}`,
      params: { allowed: Object.keys(NOTIFICATION_KINDS) },
    });
  if (!(TEMPLATE_CHANNELS as readonly string[]).includes(channel))
    problems.push({
      field: 'channel',
      code: 'isIn',
      message: `must be one of ${TEMPLATE_CHANNELS.join(', ')}`,
      params: { allowed: TEMPLATE_CHANNELS },
    });
  if (!(LOCALES as readonly string[]).includes(locale))
    problems.push({
      field: 'locale',
      code: 'isIn',
      message: `must be one of ${LOCALES.join(', ')}`,
      params: { allowed: LOCALES },
    });
  if (problems.length) throw invalidRequest(problems);
  return { kind: kind as NotificationKind, channel: channel as TemplateChannel, locale: locale as Locale };
}

/**
 * The province whose templates the caller reads, previews and writes: their own, and only theirs.
 * Naming another (`?province=`) is refused; a token without a province has none.
 */
function provinceOf(principal: Principal, query: TemplateScopeQueryDto): string {
  if (!principal.provinceCode) throw NotificationProblems.noProvince('templates');
  if (query.province !== undefined && query.province !== principal.provinceCode)
    throw NotificationProblems.otherProvinceTemplates(principal.provinceCode);
  return principal.provinceCode;
}

function checked(kind: NotificationKind, text: TemplateText): TemplateText {
  const problems = templateProblems(kind, text);
  if (problems.length) throw invalidRequest(problems);
  return text;
}

/**
 * The national defaults are the seeded versions, which no province edits; a province administrator
 * saves the province's own versions, which shadow the default for that province's notices only.
 * Every operation works in the caller's province: what they read is its effective version (its
 * own, else the national default), what they save is its own.
 */
@Injectable()
export class TemplatesService {
  constructor(
    private readonly store: TemplatesStore,
    private readonly current: CurrentTemplates,
  ) {}

  async effective(principal: Principal, query: TemplateScopeQueryDto): Promise<{ items: TemplateEntity[] }> {
    return { items: await this.store.effectiveFor(provinceOf(principal, query)) };
  }

  latest(key: TemplateKey, principal: Principal, query: TemplateScopeQueryDto): Promise<TemplateEntity> {
    return this.latestOf(key, provinceOf(principal, query));
  }

  async save(
    key: TemplateKey,
    principal: Principal,
    query: TemplateScopeQueryDto,
    body: TemplateDto,
  ): Promise<TemplateEntity> {
    const provinceCode = provinceOf(principal, query);
    const text = checked(key.kind, body);
    const saved = await this.store
      .saveNextVersion(key, provinceCode, text, principal.subject)
      .catch((error: unknown) => {
        if (isConcurrentSave(error)) throw NotificationProblems.templateSavedConcurrently();
        throw error;
      });
    this.current.invalidate();
    return saved;
  }

  async preview(
    key: TemplateKey,
    principal: Principal,
    query: TemplateScopeQueryDto,
    body: PreviewDto,
  ): Promise<RenderedTemplateDto> {
    const provinceCode = provinceOf(principal, query);
    const text: TemplateText = body.draft
      ? checked(key.kind, body.draft)
      : await this.latestOf(key, provinceCode).then((row) => ({ subject: row.subject ?? undefined, body: row.body }));
    const rendered = renderTemplate(text, { ...SAMPLE, ...body.values });
    return { ...rendered, ...(key.channel === 'sms' ? { sms: smsSegments(rendered.body) } : {}) };
  }

  private async latestOf(key: TemplateKey, provinceCode: string): Promise<TemplateEntity> {
    const found = await this.store.latest(key, provinceCode);
    if (!found) throw NotificationProblems.templateNotFound(key);
    return found;
  }
}
