import { Module } from '@nestjs/common';
import { QueueTicketsController } from './queue-tickets.controller';
import { QueueTicketsService } from './queue-tickets.service';

/** Numbered queue tickets at receiving units: taken at the kiosk or online, called by desk officers. */
@Module({ controllers: [QueueTicketsController], providers: [QueueTicketsService] })
export class QueueTicketsModule {}
