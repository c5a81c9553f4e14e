import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, invalidRequest, Principal, ProblemException, Roles } from '@onestop/platform';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { DataSource } from 'typeorm';
import { TEMPLATE_CHANNELS, TemplateChannel, isNotificationKind, LOCALES, Locale, NOTIFICATION_KINDS, NotificationKind } from './notification-kinds';
import { renderTemplate, smsSegments, templateProblems, TemplateText } from './template';
import { TemplateStore } from './template-store';

export class TemplateDto {
  @ApiPropertyOptional({ example: 'Đã tiếp nhận hồ sơ {{code}}' })
  @IsOptional()
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
  @IsOptional()
  @ValidateNested()
  @Type(() => TemplateDto)
  draft?: TemplateDto;

  @ApiPropertyOptional({ description: 'placeholder values; sample values fill the rest' })
  @IsOptional()
  @IsObject()
  values?: Record<string, string>;
}

interface TemplateRow {
  kind: NotificationKind;
  channel: TemplateChannel;
  locale: Locale;
  version: number;
  subject: string | null;
  body: string;
  createdBy: string;
  createdAt: Date;
}

const COLUMNS = `kind, channel, locale, version, subject, body, created_by AS "createdBy", created_at AS "createdAt"`;

/** Sample values for previews: what a real message of the kind would show. */
const SAMPLE: Record<string, string> = {
  applicantName: 'Nguyễn Thị Lan',
  code: '19774-261123-0001',
  procedureName: 'Đăng ký hộ kinh doanh',
  appointmentDate: '27/11/2026',
  newAppointmentDate: '02/12/2026',
  lookupUrl: 'https://dichvucong.example.gov.vn/tra-cuu/19774-261123-0001',
  reasons: 'Thiếu hợp đồng thuê mặt bằng',
  reason: 'Chờ ý kiến cơ quan liên quan',
  resultChannel: 'tại quầy',
  dueAt: '27/11/2026 17:00',
  workItemUrl: 'https://motcua.example.gov.vn/ho-so/19774-261123-0001',
};

function keyOf(kind: string, channel: string, locale: string): { kind: NotificationKind; channel: TemplateChannel; locale: Locale } {
  const problems = [];
  if (!isNotificationKind(kind)) problems.push({ field: 'kind', message: `must be one of ${Object.keys(NOTIFICATION_KINDS).join(', ')}` });
  if (!(TEMPLATE_CHANNELS as readonly string[]).includes(channel)) problems.push({ field: 'channel', message: `must be one of ${TEMPLATE_CHANNELS.join(', ')}` });
  if (!(LOCALES as readonly string[]).includes(locale)) problems.push({ field: 'locale', message: `must be one of ${LOCALES.join(', ')}` });
  if (problems.length) throw invalidRequest(problems);
  return { kind: kind as NotificationKind, channel: channel as TemplateChannel, locale: locale as Locale };
}

function checked(kind: NotificationKind, text: TemplateText): TemplateText {
  const problems = templateProblems(kind, text);
  if (problems.length) throw invalidRequest(problems);
  return text;
}

/** Templates per message kind, channel and locale: versioned, checked when saved, previewed. */
@ApiTags('templates')
@ApiBearerAuth()
@Controller('api/v1/templates')
export class TemplatesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TemplateStore,
  ) {}

  @Get(':kind/:channel/:locale')
  @Roles('province-admin', 'province-leader')
  @ApiOperation({ summary: 'The current version of a template' })
  async current(@Param('kind') kind: string, @Param('channel') channel: string, @Param('locale') locale: string) {
    return this.latest(keyOf(kind, channel, locale));
  }

  @Put(':kind/:channel/:locale')
  @Roles('province-admin')
  @ApiOperation({ summary: 'Save a new version (placeholders checked: 400 names an unknown or missing one)' })
  async save(@Param('kind') kind: string, @Param('channel') channel: string, @Param('locale') locale: string, @Body() body: TemplateDto, @CurrentPrincipal() principal: Principal) {
    const key = keyOf(kind, channel, locale);
    const text = checked(key.kind, body);
    // The primary key makes two concurrent saves of the same next version one success and one retry.
    const rows: TemplateRow[] = await this.dataSource.query(
      `INSERT INTO templates (kind, channel, locale, version, subject, body, created_by)
       SELECT $1, $2, $3, COALESCE(max(version), 0) + 1, $4, $5, $6 FROM templates WHERE kind = $1 AND channel = $2 AND locale = $3
       RETURNING ${COLUMNS}`,
      [key.kind, key.channel, key.locale, text.subject ?? null, text.body, principal.subject],
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
  @ApiOperation({ summary: 'Render the current version, or a draft, with sample or given values' })
  async preview(@Param('kind') kind: string, @Param('channel') channel: string, @Param('locale') locale: string, @Body() body: PreviewDto) {
    const key = keyOf(kind, channel, locale);
    const text: TemplateText = body.draft ? checked(key.kind, body.draft) : await this.latest(key).then((row) => ({ subject: row.subject ?? undefined, body: row.body }));
    const rendered = renderTemplate(text, { ...SAMPLE, ...body.values });
    return { ...rendered, ...(key.channel === 'sms' ? { sms: smsSegments(rendered.body) } : {}) };
  }

  private async latest(key: { kind: NotificationKind; channel: TemplateChannel; locale: Locale }): Promise<TemplateRow> {
    const rows: TemplateRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM templates WHERE kind = $1 AND channel = $2 AND locale = $3 ORDER BY version DESC LIMIT 1`,
      [key.kind, key.channel, key.locale],
    );
    if (!rows.length) throw new ProblemException(404, 'Not found', { detail: `no ${key.channel} template in ${key.locale} for ${key.kind}` });
    return rows[0];
  }
}
