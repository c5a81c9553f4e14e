import { Module } from '@nestjs/common';
import { CurrentTemplates } from './current-templates';
import { TemplatesController } from './templates.controller';
import { TemplatesService } from './templates.service';
import { TemplatesStore } from './templates.store';

/** Message templates: the administrators' API, and the current versions every notice renders. */
@Module({
  controllers: [TemplatesController],
  providers: [TemplatesStore, CurrentTemplates, TemplatesService],
  exports: [CurrentTemplates],
})
export class TemplatesModule {}
