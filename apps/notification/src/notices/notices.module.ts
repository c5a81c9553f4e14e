import { Module } from '@nestjs/common';
import { EventDataModule } from '@onestop/messaging';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { RecipientsModule } from '../recipients/recipients.module';
import { ApologyNotifier, DueSoonNotifier, OverdueNotifier } from './deadline-notices.handlers';
import { DeadlineNoticesService } from './deadline-notices.service';
import { DossierAssignedNotifier, DossierReceivedNotifier, DossierRefusedNotifier, StatusChangedNotifier } from './dossier-notices.handlers';
import { DossierNoticesService } from './dossier-notices.service';
import { NoticeLinks } from './notice-links';

/** The events other services publish, turned into notices to applicants, officers and tenants. */
@Module({
  imports: [DeliveriesModule, RecipientsModule, EventDataModule],
  providers: [
    NoticeLinks,
    DossierNoticesService,
    DeadlineNoticesService,
    DossierReceivedNotifier,
    DossierRefusedNotifier,
    StatusChangedNotifier,
    DossierAssignedNotifier,
    DueSoonNotifier,
    OverdueNotifier,
    ApologyNotifier,
  ],
})
export class NoticesModule {}
