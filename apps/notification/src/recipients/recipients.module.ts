import { Module } from '@nestjs/common';
import { DossierContactsStore } from './dossier-contacts.store';
import { PreferencesController } from './preferences.controller';
import { PreferencesService } from './preferences.service';
import { PreferencesStore } from './preferences.store';

/** Who notices reach and how: people's preferences, and the applicants' contacts kept from intake. */
@Module({
  controllers: [PreferencesController],
  providers: [PreferencesStore, PreferencesService, DossierContactsStore],
  exports: [PreferencesStore, DossierContactsStore],
})
export class RecipientsModule {}
