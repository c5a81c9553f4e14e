import { Locale, NOTIFICATION_KINDS, NotificationKind, TemplateChannel } from './notification-kinds';

export interface DefaultTemplate {
  kind: NotificationKind;
  channel: TemplateChannel;
  locale: Locale;
  subject?: string;
  body: string;
}

/**
 * Each kind's wording: a subject, the full text (e-mail, inbox, Zalo), and a short SMS. Vietnamese
 * SMS go without diacritics: GSM-7 fits 160 characters a segment, UCS-2 only 70.
 */
interface Wording {
  subject: string;
  text: string;
  sms: string;
}

const WORDINGS: Record<NotificationKind, Record<Locale, Wording>> = {
  'dossier-received': {
    vi: {
      subject: 'Đã tiếp nhận hồ sơ {{code}}',
      text: 'Hồ sơ {{procedureName}} của Ông/Bà đã được tiếp nhận với mã số {{code}}.\nNgày hẹn trả kết quả: {{appointmentDate}}.\nTra cứu tình trạng hồ sơ: {{lookupUrl}}',
      sms: 'Ho so {{code}} da duoc tiep nhan. Hen tra ket qua {{appointmentDate}}. Tra cuu: {{lookupUrl}}',
    },
    en: {
      subject: 'Dossier {{code}} received',
      text: 'Your {{procedureName}} dossier was received under code {{code}}.\nResult appointment: {{appointmentDate}}.\nFollow it at {{lookupUrl}}',
      sms: 'Dossier {{code}} received. Result on {{appointmentDate}}. Follow: {{lookupUrl}}',
    },
  },
  'refused-at-intake': {
    vi: {
      subject: 'Hồ sơ {{code}} không được tiếp nhận',
      text: 'Hồ sơ {{procedureName}} mã số {{code}} không được tiếp nhận.\nLý do: {{reasons}}',
      sms: 'Ho so {{code}} khong duoc tiep nhan. Ly do: {{reasons}}',
    },
    en: {
      subject: 'Dossier {{code}} not accepted',
      text: 'Your {{procedureName}} dossier {{code}} was not accepted.\nReasons: {{reasons}}',
      sms: 'Dossier {{code}} not accepted: {{reasons}}',
    },
  },
  'supplement-requested': {
    vi: {
      subject: 'Yêu cầu bổ sung hồ sơ {{code}}',
      text: 'Hồ sơ {{code}} ({{procedureName}}) cần bổ sung.\nNội dung cần bổ sung: {{reasons}}\nTra cứu: {{lookupUrl}}',
      sms: 'Ho so {{code}} can bo sung: {{reasons}}',
    },
    en: {
      subject: 'Dossier {{code}}: documents needed',
      text: 'Your dossier {{code}} ({{procedureName}}) needs more documents.\nWhat is needed: {{reasons}}\nFollow it at {{lookupUrl}}',
      sms: 'Dossier {{code}} needs more documents: {{reasons}}',
    },
  },
  'fees-due': {
    vi: {
      subject: 'Hồ sơ {{code}}: nghĩa vụ tài chính',
      text: 'Hồ sơ {{code}} ({{procedureName}}) cần thực hiện nghĩa vụ tài chính: {{reasons}}\nTra cứu: {{lookupUrl}}',
      sms: 'Ho so {{code}} can nop phi/le phi: {{reasons}}',
    },
    en: {
      subject: 'Dossier {{code}}: fees due',
      text: 'Fees are due for your dossier {{code}} ({{procedureName}}): {{reasons}}\nFollow it at {{lookupUrl}}',
      sms: 'Dossier {{code}}: fees due: {{reasons}}',
    },
  },
  'result-ready': {
    vi: {
      subject: 'Đã có kết quả hồ sơ {{code}}',
      text: 'Hồ sơ {{code}} ({{procedureName}}) đã có kết quả. Hình thức nhận: {{resultChannel}}.\nTra cứu: {{lookupUrl}}',
      sms: 'Ho so {{code}} da co ket qua. Tra cuu: {{lookupUrl}}',
    },
    en: {
      subject: 'Result of dossier {{code}} ready',
      text: 'The result of your dossier {{code}} ({{procedureName}}) is ready. Collection: {{resultChannel}}.\nFollow it at {{lookupUrl}}',
      sms: 'The result of dossier {{code}} is ready. {{lookupUrl}}',
    },
  },
  // Also in migration 1766500000000, which gives databases seeded before the rating link this wording.
  'result-returned': {
    vi: {
      subject: 'Đã trả kết quả hồ sơ {{code}}',
      text: 'Kết quả hồ sơ {{code}} đã được trả ({{resultChannel}}).\nMời Ông/Bà đánh giá mức độ hài lòng: {{ratingUrl}}',
      sms: 'Ket qua ho so {{code}} da duoc tra ({{resultChannel}}). Danh gia muc do hai long: {{ratingUrl}}',
    },
    en: {
      subject: 'Result of dossier {{code}} handed over',
      text: 'The result of your dossier {{code}} was handed over ({{resultChannel}}).\nPlease rate our service: {{ratingUrl}}',
      sms: 'Result of dossier {{code}} handed over ({{resultChannel}}). Rate our service: {{ratingUrl}}',
    },
  },
  'late-apology': {
    vi: {
      subject: 'Thư xin lỗi về việc trễ hẹn hồ sơ {{code}}',
      text: 'Cơ quan giải quyết xin lỗi Ông/Bà vì hồ sơ {{code}} ({{procedureName}}) chưa có kết quả đúng hẹn.\nLý do: {{reason}}\nNgày hẹn trả mới: {{newAppointmentDate}}',
      sms: 'Xin loi Ong/Ba: ho so {{code}} tre hen. Hen tra moi: {{newAppointmentDate}}',
    },
    en: {
      subject: 'Apology: dossier {{code}} is late',
      text: 'We apologise that the result of your dossier {{code}} ({{procedureName}}) is late.\nReason: {{reason}}\nNew appointment: {{newAppointmentDate}}',
      sms: 'We apologise: dossier {{code}} is late. New date: {{newAppointmentDate}}',
    },
  },
  rejected: {
    vi: {
      subject: 'Hồ sơ {{code}} không được giải quyết',
      text: 'Hồ sơ {{code}} ({{procedureName}}) không được giải quyết.\nLý do: {{reasons}}',
      sms: 'Ho so {{code}} khong duoc giai quyet. Ly do: {{reasons}}',
    },
    en: {
      subject: 'Dossier {{code}} refused',
      text: 'Your dossier {{code}} ({{procedureName}}) was refused.\nReasons: {{reasons}}',
      sms: 'Dossier {{code}} refused: {{reasons}}',
    },
  },
  'dossier-assigned': {
    vi: { subject: 'Hồ sơ mới {{code}}', text: 'Hồ sơ {{code}} ({{procedureName}}) được giao cho đồng chí, hạn xử lý {{dueAt}}.\n{{workItemUrl}}', sms: 'Ho so moi {{code}}, han {{dueAt}}' },
    en: { subject: 'New dossier {{code}}', text: 'Dossier {{code}} ({{procedureName}}) is assigned to you, due {{dueAt}}.\n{{workItemUrl}}', sms: 'New dossier {{code}}, due {{dueAt}}' },
  },
  'dossier-due-soon': {
    vi: { subject: 'Hồ sơ {{code}} sắp đến hạn', text: 'Hồ sơ {{code}} đến hạn xử lý lúc {{dueAt}}.\n{{workItemUrl}}', sms: 'Ho so {{code}} sap den han {{dueAt}}' },
    en: { subject: 'Dossier {{code}} due soon', text: 'Dossier {{code}} is due at {{dueAt}}.\n{{workItemUrl}}', sms: 'Dossier {{code}} due at {{dueAt}}' },
  },
  'dossier-overdue': {
    vi: { subject: 'Hồ sơ {{code}} quá hạn', text: 'Hồ sơ {{code}} đã quá hạn xử lý ({{dueAt}}).\n{{workItemUrl}}', sms: 'Ho so {{code}} da qua han ({{dueAt}})' },
    en: { subject: 'Dossier {{code}} overdue', text: 'Dossier {{code}} is overdue (was due {{dueAt}}).\n{{workItemUrl}}', sms: 'Dossier {{code}} overdue (due {{dueAt}})' },
  },
};

const GREETING: Record<Locale, (audience: string) => string> = {
  vi: (audience) => (audience === 'applicant' ? 'Kính gửi Ông/Bà {{applicantName}},\n\n' : ''),
  en: (audience) => (audience === 'applicant' ? 'Dear {{applicantName}},\n\n' : ''),
};

/** The first versions of every kind, channel and locale; the province edits them through the API. */
export const DEFAULT_TEMPLATES: DefaultTemplate[] = Object.entries(WORDINGS).flatMap(([kind, locales]) =>
  Object.entries(locales).flatMap(([locale, wording]) => {
    const key = { kind: kind as NotificationKind, locale: locale as Locale };
    return [
      { ...key, channel: 'email' as const, subject: wording.subject, body: GREETING[key.locale](NOTIFICATION_KINDS[key.kind].audience) + wording.text },
      { ...key, channel: 'inbox' as const, subject: wording.subject, body: wording.text },
      { ...key, channel: 'zalo' as const, body: wording.text },
      { ...key, channel: 'sms' as const, body: wording.sms },
    ];
  }),
);
