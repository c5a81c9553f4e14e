import { Module } from '@nestjs/common';
import { OfficersController } from './officers.controller';
import { OfficersService } from './officers.service';
import { OfficersStore } from './officers.store';

/** Each unit's registry of officers; routing shares dossiers out among them through the store. */
@Module({
  controllers: [OfficersController],
  providers: [OfficersService, OfficersStore],
  exports: [OfficersStore],
})
export class OfficersModule {}
