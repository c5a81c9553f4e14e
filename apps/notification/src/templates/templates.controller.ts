import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { FieldProblem } from '@onestop/contracts';
import { CurrentPrincipal, invalidRequest, IsOmittable, Principal, ProblemException, ProblemResponses, Roles } from '@onestop/platform';
import { Type } from 'class-transformer';
import { IsObject, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { DataSource } from 'typeorm';
import { TEMPLATE_CHANNELS, TemplateChannel, isNotificationKind, LOCALES, Locale, NOTIFICATION_KINDS, NotificationKind } from '../domain/notification-kinds';
import { renderTemplate, smsSegments, templateProblems, TemplateText } from './template';
import { TemplateStore } from './template-store';
import { RenderedTemplateDto, TemplateListDto, TemplateVersionDto } from './template.response';

export class TemplateDto {
  @ApiPropertyOptional({ example: 'Đã tiếp nhận hồ sơ {{code}}' })
  @IsOmittable()
  @IsString()
  @Length(1, 300)
  subject?: string;

  @ApiProperty({ example: 'Hồ sơ {{code}}, hẹn trả {{appointmentDate}}' })
  @IsString()
  @Length(1, 5_000)
  body!: string;
}

export class PreviewDto {
  @ApiPropertyOptional({ description: 'a draft to preview instead of the current version' })
  @IsOmittable()
  @ValidateNested()
  @Type(() => TemplateDto)
  draft?: TemplateDto;

  @ApiPropertyOptional({ description: 'placeholder values; sample values fill the rest' })
  @IsOmittable()
  @IsObject()
  values?: Record<string, string>;
}

export class TemplateScopeQueryDto {
  @ApiPropertyOptional({ description: "the province whose templates these are; the caller's own (the only one allowed) when left out", example: '46' })
  @IsOmittable()
  @Matches(/^[0-9]{2}$/, { message: 'must be a province code such as 46' })
  province?: string;
}

interface TemplateRow {
  /** The province whose version it is; null for the national default. */
  provinceCode: string | null;
  kind: NotificationKind;
  channel: TemplateChannel;
  locale: Locale;
  version: number;
  subject: string | null;
  body: string;
  createdBy: string;
  createdAt: Date;
}

const COLUMNS = `province_code AS "provinceCode", kind, channel, locale, version, subject, body, created_by AS "createdBy", created_at AS "createdAt"`;

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

function keyOf(kind: string, channel: string, locale: string): { kind: NotificationKind; channel: TemplateChannel; locale: Locale } {
  const problems: FieldProblem[] = [];
  if (!isNotificationKind(kind)) problems.push({ field: 'kind', code: 'isIn', message: `must be one of ${Object.keys(NOTIFICATION_KINDS).join(', ')}`, params: { allowed: Object.keys(NOTIFICATION_KINDS) } });
  if (!(TEMPLATE_CHANNELS as readonly string[]).includes(channel)) problems.push({ field: 'channel', code: 'isIn', message: `must be one of ${TEMPLATE_CHANNELS.join(', ')}`, params: { allowed: TEMPLATE_CHANNELS } });
  if (!(LOCALES as readonly string[]).includes(locale)) problems.push({ field: 'locale', code: 'isIn', message: `must be one of ${LOCALES.join(', ')}`, params: { allowed: LOCALES } });
  if (problems.length) throw invalidRequest(problems);
  return { kind: kind as NotificationKind, channel: channel as TemplateChannel, locale: locale as Locale };
}

/**
 * The province whose templates the caller reads, previews and writes: their own, and only theirs.
 * Naming another (`?province=`) is refused; a token without a province has none.
 */
function provinceOf(principal: Principal, query: TemplateScopeQueryDto): string {
  if (!principal.provinceCode) throw new ProblemException(403, 'Not allowed', { detail: 'templates belong to a province, and your token names none' });
  if (query.province !== undefined && query.province !== principal.provinceCode) {
    throw new ProblemException(403, 'Not allowed', { detail: `you may read and change the templates of your own province, ${principal.provinceCode}` });
  }
  return principal.provinceCode;
}

function checked(kind: NotificationKind, text: TemplateText): TemplateText {
  const problems = templateProblems(kind, text);
  if (problems.length) throw invalidRequest(problems);
  return text;
}

/**
 * Templates per message kind, channel and locale: versioned, checked when saved, previewed. The
 * national defaults are the seeded versions, which no province edits; a province administrator
 * saves the province's own versions, which shadow the default for that province's notices only.
 * Every route works in the caller's province: what they read is its effective version (its own,
 * else the national default), what they save is its own.
 */
@ApiTags('templates')
@Controller('api/v1/templates')
export class TemplatesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TemplateStore,
  ) {}

  @Get()
  @Roles('province-admin', 'province-leader')
  @ApiOperation({ summary: "The province's effective templates: its own version of each, else the national default" })
  @ApiOkResponse({ type: TemplateListDto })
  async list(@Query() query: TemplateScopeQueryDto, @CurrentPrincipal() principal: Principal) {
    const rows: TemplateRow[] = await this.dataSource.query(
      `SELECT DISTINCT ON (kind, channel, locale) ${COLUMNS} FROM templates
        WHERE province_code = $1 OR province_code IS NULL
        ORDER BY kind, channel, locale, province_code IS NULL, version DESC`,
      [provinceOf(principal, query)],
    );
    return { items: rows };
  }

  @Get(':kind/:channel/:locale')
  @Roles('province-admin', 'province-leader')
  @ApiOperation({ summary: "The current version of a template for the caller's province (its own, else the national default)" })
  @ApiOkResponse({ type: TemplateVersionDto })
  @ProblemResponses(404)
  async current(@Param('kind') kind: string, @Param('channel') channel: string, @Param('locale') locale: string, @Query() query: TemplateScopeQueryDto, @CurrentPrincipal() principal: Principal) {
    const key = keyOf(kind, channel, locale);
    return this.latest(key, provinceOf(principal, query));
  }

  @Put(':kind/:channel/:locale')
  @Roles('province-admin')
  @ApiOperation({ summary: "Save a new version of the province's own template, which shadows the national default (placeholders checked: 400 names an unknown or missing one)" })
  @ApiOkResponse({ type: TemplateVersionDto })
  @ProblemResponses(409)
  async save(
    @Param('kind') kind: string,
    @Param('channel') channel: string,
    @Param('locale') locale: string,
    @Query() query: TemplateScopeQueryDto,
    @Body() body: TemplateDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    const key = keyOf(kind, channel, locale);
    const provinceCode = provinceOf(principal, query);
    const text = checked(key.kind, body);
    // The unique index makes two concurrent saves of the same next version one success and one retry.
    const rows: TemplateRow[] = await this.dataSource.query(
      `INSERT INTO templates (province_code, kind, channel, locale, version, subject, body, created_by)
       SELECT $7, $1, $2, $3, COALESCE(max(version), 0) + 1, $4, $5, $6 FROM templates
        WHERE province_code = $7 AND kind = $1 AND channel = $2 AND locale = $3
       RETURNING ${COLUMNS}`,
      [key.kind, key.channel, key.locale, text.subject ?? null, text.body, principal.subject, provinceCode],
    ).catch((error: { code?: string }) => {
      if (error.code === '23505') throw new ProblemException(409, 'Saved concurrently', { detail: 'another version was saved at the same time; reload and save again' });
      throw error;
    });
    this.store.invalidate();
    return rows[0];
  }

  @Post(':kind/:channel/:locale/preview')
  @HttpCode(200)
  @Roles('province-admin', 'province-leader')
  @ApiOperation({ summary: "Render the province's current version, or a draft, with sample or given values" })
  @ApiOkResponse({ type: RenderedTemplateDto })
  @ProblemResponses(404)
  async preview(
    @Param('kind') kind: string,
    @Param('channel') channel: string,
    @Param('locale') locale: string,
    @Query() query: TemplateScopeQueryDto,
    @Body() body: PreviewDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    const key = keyOf(kind, channel, locale);
    const provinceCode = provinceOf(principal, query);
    const text: TemplateText = body.draft ? checked(key.kind, body.draft) : await this.latest(key, provinceCode).then((row) => ({ subject: row.subject ?? undefined, body: row.body }));
    const rendered = renderTemplate(text, { ...SAMPLE, ...body.values });
    return { ...rendered, ...(key.channel === 'sms' ? { sms: smsSegments(rendered.body) } : {}) };
  }

  /** The province's latest version, else the latest national one. */
  private async latest(key: { kind: NotificationKind; channel: TemplateChannel; locale: Locale }, provinceCode: string): Promise<TemplateRow> {
    const rows: TemplateRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM templates WHERE kind = $1 AND channel = $2 AND locale = $3 AND (province_code = $4 OR province_code IS NULL)
        ORDER BY province_code IS NULL, version DESC LIMIT 1`,
      [key.kind, key.channel, key.locale, provinceCode],
    );
    if (!rows.length) throw new ProblemException(404, 'Not found', { detail: `no ${key.channel} template in ${key.locale} for ${key.kind}` });
    return rows[0];
  }
}
