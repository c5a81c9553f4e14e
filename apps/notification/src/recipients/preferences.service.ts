import { Injectable } from '@nestjs/common';
import { Clock } from '@onestop/platform';
import { DEFAULT_SWITCHES } from './channel-plan';
import { PreferencesDto } from './dto/preferences.dto';
import { PreferenceEntity } from './preference.entity';
import { PreferencesStore } from './preferences.store';

/** A person's preferences as they see them: the defaults filled in until they change something. */
function view(preferences: PreferenceEntity | null) {
  return {
    channels: { ...DEFAULT_SWITCHES, ...preferences?.channels },
    locale: preferences?.locale ?? 'vi',
    email: preferences?.email ?? null,
    phone: preferences?.phone ?? null,
    updatedAt: preferences?.updatedAt ?? null,
  };
}

@Injectable()
export class PreferencesService {
  constructor(
    private readonly store: PreferencesStore,
    private readonly clock: Clock,
  ) {}

  async of(personId: string) {
    return view(await this.store.ofPerson(personId));
  }

  async change(personId: string, changes: PreferencesDto) {
    return view(await this.store.change(personId, changes, this.clock.now()));
  }
}
