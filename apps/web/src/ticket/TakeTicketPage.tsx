import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PublicFrame } from '../ui/public/PublicFrame';
import { readStoredTicket, StoredTicket, storeTicket } from './stored-ticket';
import { TakeTicketForm } from './TakeTicketForm';
import { TicketView } from './TicketView';
import { TICKET } from './strings';
import './ticket.css';

/**
 * A queue number from home (/lay-so): pick a commune's centre or post office, take today's
 * number, then follow the place in line until the desk calls it. The number is kept on this
 * device, so a reload or a closed tab finds it again the same day.
 */
export function TakeTicketPage() {
  const { t } = useTranslation(TICKET);
  const [stored, setStored] = useState<StoredTicket | null>(readStoredTicket);
  const keep = (next: StoredTicket | null) => {
    storeTicket(next);
    setStored(next);
  };
  return (
    <PublicFrame title={t('title')} intro={stored ? undefined : t('intro')}>
      {stored ? <TicketView stored={stored} onForget={() => keep(null)} /> : <TakeTicketForm onTaken={keep} />}
    </PublicFrame>
  );
}
