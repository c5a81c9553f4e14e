import { DossierStatusCode } from '@onestop/contracts';

/** A step of the public look-up, as the applicant sees it. */
export interface PublicStep {
  from: DossierStatusCode | null;
  to: DossierStatusCode;
  action: string;
  at: string;
  /** What the step tells the applicant in words (why an appointment moved); null where the status says it all. */
  note: string | null;
}

/** The wording of the official apology form ("xin lỗi và hẹn lại ngày trả kết quả"); the reason is written for the applicant. */
export function apologyNote(newAppointmentDate: string, reason: string): string {
  const [year, month, day] = newAppointmentDate.split('-');
  return `Cơ quan giải quyết xin lỗi Ông/Bà và hẹn lại ngày trả kết quả: ${day}/${month}/${year}. Lý do: ${reason}`;
}
