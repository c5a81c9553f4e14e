import { Global, Module } from '@nestjs/common';
import { AdministrativeUnits } from './administrative-units.service';

/** The unit directory, read from the service's own copy of the reference data. */
@Global()
@Module({ providers: [AdministrativeUnits], exports: [AdministrativeUnits] })
export class ReferenceDataModule {}
