import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemResponse, Public, WrongTryLimit } from '@onestop/platform';
import { dossierCodeOf } from '../dossiers/dossier-code';
import { RateServiceDto } from './dto/rate-service.dto';
import { ServiceRatingDto } from './dto/service-rating.dto';
import { RatingsService } from './ratings.service';

@ApiTags('dossiers')
@Controller('api/v1/dossiers')
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  /**
   * The phone's digits are the same secret as the status look-up's, so wrong digits count against
   * the same look-up (`dossier-status`), per code and per address: rating does not add guesses.
   */
  @Public()
  @Post(':code/rating')
  @WrongTryLimit({ lookup: 'dossier-status', code: dossierCodeOf })
  @ApiOperation({
    summary: 'The applicant rates the service once the result is handed over, without login',
    description:
      'Once per dossier, from the handing over of the result (status 10): a score from 1 to 5 and, if the applicant wishes, a comment. ' +
      'The comment stays with intake; `ServiceRated` carries the score and whether a comment was given, for the satisfaction indicator.',
  })
  @ApiCreatedResponse({ type: ServiceRatingDto, description: 'The rating is stored and published' })
  @ProblemResponse(
    400,
    'The phone digits, the score or the comment is malformed, or the body has a field it should not; `errors` names each',
  )
  @ProblemResponse(
    404,
    'No such dossier, or the digits are not those of its phone (a wrong try, as in the status look-up)',
  )
  @ProblemResponse(
    409,
    'Type `…/conflict/not-handed-over`: the result has not been handed over yet; `…/conflict/already-rated`: rated before, the first rating is kept',
  )
  @ProblemResponse(
    429,
    'Too many wrong tries at this code or from this address (status look-up and rating together): locked for everyone until Retry-After',
  )
  async rate(@Param('code') code: string, @Body() command: RateServiceDto) {
    return this.ratings.rate(code, command);
  }
}
