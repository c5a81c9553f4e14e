import { localDateOf } from '@onestop/calendar';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Clock, invalidRequest, ProblemException, Public } from '@onestop/platform';
import { ProcedureDefinition } from '@onestop/reference-data';
import { ProceduresService } from './procedures.service';

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
  @ApiOkResponse()
  async list(): Promise<{ items: ProcedureDefinition[] }> {
    return { items: await this.procedures.listInForce(localDateOf(this.clock.now())) };
  }

  @Public()
  @Get(':code')
  @ApiOperation({ summary: 'One procedure: the version in force, or a given version' })
  @ApiQuery({ name: 'version', required: false, type: Number })
  async get(@Param('code') code: string, @Query('version') version?: string): Promise<ProcedureDefinition> {
    const procedure = version === undefined ? await this.procedures.inForce(code, localDateOf(this.clock.now())) : await this.byVersion(code, version);
    if (!procedure) throw new ProblemException(404, 'No such procedure', { detail: `no procedure ${code}${version ? ` version ${version}` : ''}` });
    return procedure;
  }

  private byVersion(code: string, version: string): Promise<ProcedureDefinition | null> {
    if (!/^[1-9]\d{0,3}$/.test(version)) {
      throw invalidRequest([{ field: 'version', message: 'must be a positive integer' }]);
    }
    return this.procedures.version(code, Number(version));
  }
}
