import { Channel, Locale, NotificationKind } from './notification-kinds';

interface DefaultTemplate {
  kind: NotificationKind;
  channel: Channel;
  locale: Locale;
  subject?: string;
  body: string;
}

/** The first versions, Vietnamese and English; the province edits them through the API. */
export const DEFAULT_TEMPLATES: DefaultTemplate[] = [
  {
    kind: 'dossier-received',
    channel: 'email',
    locale: 'vi',
    subject: 'Đã tiếp nhận hồ sơ {{code}}',
    body: 'Kính gửi {{applicantName}},\n\nHồ sơ {{procedureName}} của Ông/Bà đã được tiếp nhận với mã số {{code}}.\nNgày hẹn trả kết quả: {{appointmentDate}}.\nTra cứu tình trạng hồ sơ: {{lookupUrl}}',
  },
  {
    kind: 'dossier-received',
    channel: 'email',
    locale: 'en',
    subject: 'Dossier {{code}} received',
    body: 'Dear {{applicantName}},\n\nYour {{procedureName}} dossier was received under code {{code}}.\nResult appointment: {{appointmentDate}}.\nFollow it at {{lookupUrl}}',
  },
  { kind: 'dossier-received', channel: 'sms', locale: 'vi', body: 'Ho so {{code}} da duoc tiep nhan. Hen tra ket qua {{appointmentDate}}. Tra cuu: {{lookupUrl}}' },
  { kind: 'dossier-received', channel: 'sms', locale: 'en', body: 'Dossier {{code}} received. Result on {{appointmentDate}}. Follow: {{lookupUrl}}' },
  {
    kind: 'supplement-requested',
    channel: 'email',
    locale: 'vi',
    subject: 'Yêu cầu bổ sung hồ sơ {{code}}',
    body: 'Kính gửi {{applicantName}},\n\nHồ sơ {{code}} cần bổ sung: {{reasons}}.\nVui lòng mang theo: {{whatToBring}}.',
  },
  { kind: 'supplement-requested', channel: 'sms', locale: 'vi', body: 'Ho so {{code}} can bo sung: {{reasons}}' },
  {
    kind: 'refused-at-intake',
    channel: 'email',
    locale: 'vi',
    subject: 'Hồ sơ {{code}} không được tiếp nhận',
    body: 'Kính gửi {{applicantName}},\n\nHồ sơ {{code}} không được tiếp nhận. Lý do: {{reasons}}.',
  },
  { kind: 'refused-at-intake', channel: 'sms', locale: 'vi', body: 'Ho so {{code}} khong duoc tiep nhan: {{reasons}}' },
];
