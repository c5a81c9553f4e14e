import { Module } from '@nestjs/common';
import { ProceduresController } from './procedures.controller';
import { ProceduresService } from './procedures.service';
import { ProceduresStore } from './procedures.store';

@Module({
  controllers: [ProceduresController],
  providers: [ProceduresService, ProceduresStore],
  exports: [ProceduresService],
})
export class ProceduresModule {}
