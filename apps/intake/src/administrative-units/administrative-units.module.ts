import { Module } from '@nestjs/common';
import { AdministrativeUnitsController } from './administrative-units.controller';

@Module({ controllers: [AdministrativeUnitsController] })
export class AdministrativeUnitsModule {}
