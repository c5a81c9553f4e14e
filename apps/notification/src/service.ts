import { PlatformEnv, ServiceDefinition } from '@onestop/platform';
import { AppModule } from './app/app.module';

export const notificationService: ServiceDefinition<PlatformEnv> = {
  service: 'notification',
  description: "Notifications to citizens and officers by e-mail, SMS, Zalo, in-app inbox and webhooks.",
  envClass: PlatformEnv,
  module: (env, clock) => AppModule.register(env, clock),
};
