import { localDateOf } from '@onestop/calendar';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock, ProblemResponse, Public } from '@onestop/platform';
import { AdministrativeUnit, AdministrativeUnits } from '@onestop/reference-data';
import { IntakeProblems } from '../problems';
import { CommuneKind, ProvinceUnitsDto, ProvinceUnitsQueryDto } from './dto/province-units.dto';

const COMMUNE_KIND_OF_SUBKIND: Record<string, CommuneKind> = {
  Ward: 'ward',
  Commune: 'commune',
  'Special administrative region': 'special-zone',
};

function inForce(unit: AdministrativeUnit, date: string): boolean {
  return unit.effectiveFrom <= date && (unit.effectiveTo === null || unit.effectiveTo > date);
}

/** The unit directory a desk picks from: any commune of the province may be an applicant's. */
@ApiTags('administrative units')
@Controller('api/v1/administrative-units')
export class AdministrativeUnitsController {
  constructor(
    private readonly units: AdministrativeUnits,
    private readonly clock: Clock,
  ) {}

  @Public()
  @Get()
  @ApiOperation({
    summary: "A province's communes and wards in force today, and the service points that receive dossiers for them",
  })
  @ApiOkResponse({ type: ProvinceUnitsDto })
  @ProblemResponse(400, '`province` is missing or not a two-digit code')
  @ProblemResponse(404, 'No province has this code')
  async list(@Query() query: ProvinceUnitsQueryDto): Promise<ProvinceUnitsDto> {
    const province = await this.units.find(query.province);
    if (province?.kind !== 'province') throw IntakeProblems.provinceNotFound(query.province);
    const today = localDateOf(this.clock.now());
    const units = (await this.units.list({ provinceCode: province.code })).filter((unit) => inForce(unit, today));
    const communes = units.filter((unit) => unit.kind === 'commune');
    const communeCodes = new Set(communes.map((commune) => commune.code));
    return {
      province: { code: province.code, name: province.name, nameEn: province.nameEn },
      communes: communes.map((commune) => ({
        code: commune.code,
        name: commune.name,
        nameEn: commune.nameEn,
        kind: COMMUNE_KIND_OF_SUBKIND[commune.subkind] ?? null,
      })),
      servicePoints: units
        .filter(
          (unit) => unit.kind === 'service-point' && unit.parentCode !== null && communeCodes.has(unit.parentCode),
        )
        .map((point) => ({ code: point.code, name: point.name, nameEn: point.nameEn, parentCode: point.parentCode! })),
    };
  }
}
