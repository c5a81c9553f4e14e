import { ServiceDefinition } from '@onestop/platform';
import { AppModule } from './app/app.module';
import { NotificationEnv } from './notification.env';

export const notificationService: ServiceDefinition<NotificationEnv> = {
  service: 'notification',
  description: 'Notifications to citizens and officers by e-mail, SMS, Zalo, in-app inbox and webhooks.',
  envClass: NotificationEnv,
  module: (env, clock) => AppModule.register(env, clock),
};
