import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ProblemResponses, Roles } from '@onestop/platform';
import { PreviewDto, TemplateDto, TemplateScopeQueryDto } from './dto/template.dto';
import { RenderedTemplateDto, TemplateListDto, TemplateVersionDto } from './dto/template-version.dto';
import { templateKey, TemplatesService } from './templates.service';

/** Templates per message kind, channel and locale: versioned, checked when saved, previewed. */
@ApiTags('templates')
@Controller('api/v1/templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @Roles('province-admin', 'province-leader')
  @ApiOperation({ summary: "The province's effective templates: its own version of each, else the national default" })
  @ApiOkResponse({ type: TemplateListDto })
  list(@Query() query: TemplateScopeQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.templates.effective(principal, query);
  }

  @Get(':kind/:channel/:locale')
  @Roles('province-admin', 'province-leader')
  @ApiOperation({
    summary: "The current version of a template for the caller's province (its own, else the national default)",
  })
  @ApiOkResponse({ type: TemplateVersionDto })
  @ProblemResponses(404)
  current(
    @Param('kind') kind: string,
    @Param('channel') channel: string,
    @Param('locale') locale: string,
    @Query() query: TemplateScopeQueryDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.templates.latest(templateKey(kind, channel, locale), principal, query);
  }

  @Put(':kind/:channel/:locale')
  @Roles('province-admin')
  @ApiOperation({
    summary:
      "Save a new version of the province's own template, which shadows the national default (placeholders checked: 400 names an unknown or missing one)",
  })
  @ApiOkResponse({ type: TemplateVersionDto })
  @ProblemResponses(409)
  save(
    @Param('kind') kind: string,
    @Param('channel') channel: string,
    @Param('locale') locale: string,
    @Query() query: TemplateScopeQueryDto,
    @Body() body: TemplateDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.templates.save(templateKey(kind, channel, locale), principal, query, body);
  }

  @Post(':kind/:channel/:locale/preview')
  @HttpCode(200)
  @Roles('province-admin', 'province-leader')
  @ApiOperation({ summary: "Render the province's current version, or a draft, with sample or given values" })
  @ApiOkResponse({ type: RenderedTemplateDto })
  @ProblemResponses(404)
  preview(
    @Param('kind') kind: string,
    @Param('channel') channel: string,
    @Param('locale') locale: string,
    @Query() query: TemplateScopeQueryDto,
    @Body() body: PreviewDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.templates.preview(templateKey(kind, channel, locale), principal, query, body);
  }
}
