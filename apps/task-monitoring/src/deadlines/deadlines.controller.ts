import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock, CurrentPrincipal, isProvinceWide, Principal, ProblemException, Roles } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { ApologyService } from './apology.service';
import { deadlineScope } from './deadline-access';
import { ApologyDto, DeadlinesQueryDto, EscalationsQueryDto } from './deadlines.dto';
import { decodeCursor, page } from './keyset-cursor';

interface DeadlineRow {
  dossierId: string;
  code: string;
  unitCode: string;
  assigneeId: string | null;
  procedureCode: string;
  step: string;
  dueAt: Date;
  dueSoonAt: Date;
  stepDueAt: Date;
  escalationLevel: number;
}

const DEADLINE_COLUMNS = `dossier_id AS "dossierId", code, unit_code AS "unitCode", assignee_id AS "assigneeId", procedure_code AS "procedureCode",
  step, due_at AS "dueAt", due_soon_at AS "dueSoonAt", step_due_at AS "stepDueAt", escalation_level AS "escalationLevel"`;

const ESCALATION_COLUMNS = `id, dossier_id AS "dossierId", code, level, unit_code AS "unitCode", assignee_id AS "assigneeId", due_at AS "dueAt",
  escalated_at AS "escalatedAt", resolved_at AS "resolvedAt"`;

/** Deadlines for officers and leaders: what is due soon or late in their unit or province, and the apology that moves one. */
@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('api/v1')
export class DeadlinesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly apologies: ApologyService,
    private readonly clock: Clock,
  ) {}

  @Get('deadlines')
  @Roles('desk-officer', 'specialist', 'unit-leader', 'province-leader', 'province-admin')
  @ApiOperation({ summary: 'Running dossiers due soon or overdue, earliest deadline first, in your unit (or a unit of your province)' })
  async deadlines(@Query() query: DeadlinesQueryDto, @CurrentPrincipal() principal: Principal) {
    const scope = deadlineScope(principal, query.unit);
    const after = decodeCursor(query.cursor);
    const limit = query.limit ?? 50;
    const now = this.clock.now();
    const rows: DeadlineRow[] = await this.dataSource.query(
      `SELECT ${DEADLINE_COLUMNS} FROM dossier_clocks
        WHERE state = 'running' AND province_code = $1 AND ($2::text IS NULL OR unit_code = $2)
          AND CASE $3::text WHEN 'overdue' THEN due_at <= $4 WHEN 'due-soon' THEN due_soon_at <= $4 AND due_at > $4 ELSE due_soon_at <= $4 END
          AND ($5::timestamptz IS NULL OR (due_at, dossier_id) > ($5, $6::uuid))
        ORDER BY due_at, dossier_id LIMIT $7`,
      [scope.provinceCode, scope.unitCode, query.state ?? null, now, after?.at ?? null, after?.id ?? null, limit + 1],
    );
    const result = page(rows, limit, (row) => ({ at: row.dueAt, id: row.dossierId }));
    return { ...result, items: result.items.map((row) => ({ ...row, state: row.dueAt <= now ? 'overdue' : 'due-soon' })) };
  }

  @Get('escalations')
  @Roles('unit-leader', 'province-leader', 'province-admin')
  @ApiOperation({ summary: "Open escalations: a unit leader's queue (their unit), or the province's (province roles)" })
  async escalations(@Query() query: EscalationsQueryDto, @CurrentPrincipal() principal: Principal) {
    const scope = deadlineScope(principal, query.unit);
    if (!isProvinceWide(principal) && query.level === 'province') {
      throw new ProblemException(403, 'Not allowed', { detail: 'the province queue is for province roles' });
    }
    const level = isProvinceWide(principal) ? (query.level ?? null) : 'unit-leader';
    const after = decodeCursor(query.cursor);
    const limit = query.limit ?? 50;
    const rows: Array<{ id: string; escalatedAt: Date }> = await this.dataSource.query(
      `SELECT ${ESCALATION_COLUMNS} FROM escalations
        WHERE resolved_at IS NULL AND province_code = $1 AND ($2::text IS NULL OR unit_code = $2) AND ($3::text IS NULL OR level = $3)
          AND ($4::timestamptz IS NULL OR (escalated_at, id) > ($4, $5::uuid))
        ORDER BY escalated_at, id LIMIT $6`,
      [scope.provinceCode, scope.unitCode, level, after?.at ?? null, after?.id ?? null, limit + 1],
    );
    return page(rows, limit, (row) => ({ at: row.escalatedAt, id: row.id }));
  }

  @Post('dossiers/:id/apology')
  @HttpCode(201)
  @Roles('unit-leader', 'province-leader')
  @ApiOperation({ summary: 'Records the apology for a late dossier with its new appointment date, approved by the caller, and tells the applicant' })
  apology(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ApologyDto, @CurrentPrincipal() principal: Principal) {
    return this.apologies.record(id, body, principal);
  }
}
