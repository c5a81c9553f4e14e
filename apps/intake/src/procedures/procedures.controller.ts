import { localDateOf } from '@onestop/calendar';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Clock, invalidRequest, ProblemResponses, Public } from '@onestop/platform';
import { ProcedureDefinition, procedureDefinitionSchema } from '@onestop/reference-data';
import { z } from 'zod';
import { IntakeProblems } from '../problems';
import { ProceduresService } from './procedures.service';

// The catalogue's own schema, so the document cannot drift from what is validated and served.
const PROCEDURE_SCHEMA = z.toJSONSchema(procedureDefinitionSchema, { target: 'openapi-3.0', io: 'output' }) as Record<
  string,
  unknown
>;

@ApiTags('procedures')
@Controller('api/v1/procedures')
export class ProceduresController {
  constructor(
    private readonly procedures: ProceduresService,
    private readonly clock: Clock,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'The procedures in force today, with documents, fees and processing times' })
  @ApiOkResponse({
    schema: { type: 'object', properties: { items: { type: 'array', items: PROCEDURE_SCHEMA } }, required: ['items'] },
  })
  async list(): Promise<{ items: ProcedureDefinition[] }> {
    return { items: await this.procedures.listInForce(localDateOf(this.clock.now())) };
  }

  @Public()
  @Get(':code')
  @ApiOperation({ summary: 'One procedure: the version in force, or a given version' })
  @ApiQuery({ name: 'version', required: false, type: Number })
  @ApiOkResponse({ schema: PROCEDURE_SCHEMA })
  @ProblemResponses(404)
  async get(@Param('code') code: string, @Query('version') version?: string): Promise<ProcedureDefinition> {
    const procedure =
      version === undefined
        ? await this.procedures.inForce(code, localDateOf(this.clock.now()))
        : await this.byVersion(code, version);
    if (!procedure) throw IntakeProblems.procedureNotFound(code, version);
    return procedure;
  }

  private byVersion(code: string, version: string): Promise<ProcedureDefinition | null> {
    if (!/^[1-9]\d{0,3}$/.test(version)) {
      throw invalidRequest([
        { field: 'version', code: 'isInt', message: 'must be a positive integer', params: { min: 1 } },
      ]);
    }
    return this.procedures.version(code, Number(version));
  }
}
