import { Module } from '@nestjs/common';
import { EventDataModule } from '@onestop/messaging';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { RecipientsModule } from '../recipients/recipients.module';
import { DeadlineEventsController } from './deadline-events.controller';
import { DeadlineNoticesService } from './deadline-notices.service';
import { DossierEventsController } from './dossier-events.controller';
import { DossierNoticesService } from './dossier-notices.service';
import { NoticeLinks } from './notice-links';

/** The events other services publish, turned into notices to applicants, officers and tenants. */
@Module({
  imports: [DeliveriesModule, RecipientsModule, EventDataModule],
  controllers: [DossierEventsController, DeadlineEventsController],
  providers: [NoticeLinks, DossierNoticesService, DeadlineNoticesService],
})
export class NoticesModule {}
