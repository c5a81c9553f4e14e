import { Module } from '@nestjs/common';
import { InboxController } from './inbox.controller';
import { InboxMessagesStore } from './inbox-messages.store';

/** The in-app inbox: its owners' API, and the store the inbox channel writes to. */
@Module({
  controllers: [InboxController],
  providers: [InboxMessagesStore],
  exports: [InboxMessagesStore],
})
export class InboxModule {}
