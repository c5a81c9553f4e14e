import { PersonalChannel, planChannels, Reach } from './channel-plan';

const everything = new Set<PersonalChannel>(['email', 'sms', 'zalo', 'inbox']);
const walkIn: Reach = { email: 'lan@example.vn', phone: '0912345678', account: null };
const online: Reach = { ...walkIn, account: 'citizen-7' };

const channels = (plan: { channel: string }[]) => plan.map((planned) => planned.channel);

describe('planChannels', () => {
  it('sends on the default channels the person can be reached on: Zalo only when chosen', () => {
    expect(planChannels(walkIn, {}, everything, false)).toEqual([
      { channel: 'email', address: 'lan@example.vn' },
      { channel: 'sms', address: '0912345678' },
    ]);
    expect(channels(planChannels(online, { zalo: true }, everything, false))).toEqual([
      'email',
      'sms',
      'zalo',
      'inbox',
    ]);
  });

  it('leaves out channels the person switched off, that are not configured, or lack an address', () => {
    expect(channels(planChannels(online, { sms: false }, everything, false))).toEqual(['email', 'inbox']);
    expect(channels(planChannels(online, {}, new Set<PersonalChannel>(['sms', 'inbox']), false))).toEqual([
      'sms',
      'inbox',
    ]);
    expect(channels(planChannels({ ...walkIn, email: null }, {}, everything, false))).toEqual(['sms']);
  });

  it('sends nothing that is not critical when every channel is off', () => {
    expect(planChannels(online, { email: false, sms: false, inbox: false }, everything, false)).toEqual([]);
  });

  it('always sends a critical notice outside the platform, SMS first, whatever the preferences', () => {
    expect(channels(planChannels(online, { email: false, sms: false, inbox: false }, everything, true))).toEqual([
      'sms',
    ]);
    expect(channels(planChannels(online, { email: false, sms: false }, everything, true))).toEqual(['inbox', 'sms']);
    expect(
      channels(planChannels(online, { email: false, sms: false }, new Set<PersonalChannel>(['email', 'inbox']), true)),
    ).toEqual(['inbox', 'email']);
    // Chosen channels stay as they are when one of them already reaches the person.
    expect(channels(planChannels(online, { sms: false, inbox: false }, everything, true))).toEqual(['email']);
  });

  it('falls back to the inbox when the person can be reached nowhere else', () => {
    const accountOnly: Reach = { email: null, phone: null, account: 'officer-1' };
    expect(channels(planChannels(accountOnly, { inbox: false }, everything, true))).toEqual(['inbox']);
    expect(planChannels({ email: null, phone: null, account: null }, {}, everything, true)).toEqual([]);
  });
});
