import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@onestop/platform';
import { PreferencesDto } from './dto/preferences.dto';
import { PreferencesViewDto } from './dto/preferences-view.dto';
import { PreferencesService } from './preferences.service';

/** Each person's own notification settings; nobody reads or changes another's. */
@ApiTags('preferences')
@Controller('api/v1/preferences')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @Get('me')
  @ApiOperation({ summary: "The caller's channels, language and contact (defaults until changed)" })
  @ApiOkResponse({ type: PreferencesViewDto })
  mine(@CurrentPrincipal() principal: Principal) {
    return this.preferences.of(principal.subject);
  }

  @Put('me')
  @ApiOperation({ summary: 'Change channels, language or contact; fields left out stay as they are' })
  @ApiOkResponse({ type: PreferencesViewDto })
  change(@Body() body: PreferencesDto, @CurrentPrincipal() principal: Principal) {
    return this.preferences.change(principal.subject, body);
  }
}
