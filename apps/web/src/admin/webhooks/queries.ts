import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/clients';
import type { components } from '../../api/generated/notification';

export type WebhookSubscription = components['schemas']['WebhookSubscriptionViewDto'];
export type NewWebhookSubscription = components['schemas']['NewWebhookSubscriptionDto'];
export type WebhookRequest = components['schemas']['WebhookSubscriptionDto'];
export type WebhookKind = NonNullable<WebhookRequest['kinds']>[number];

const WEBHOOKS = ['webhooks'] as const;

/** The province's subscriptions, stopped ones included; secrets are never shown again. */
export function useWebhooks() {
  return useQuery({
    queryKey: WEBHOOKS,
    queryFn: () => unwrap(api.notification.GET('/api/v1/webhooks')).then((list) => list.items),
  });
}

/** Subscribes a system; the answer holds its signing secret, which the service shows this once. */
export function useSubscribeWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookRequest) => unwrap(api.notification.POST('/api/v1/webhooks', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: WEBHOOKS }),
  });
}

/** Stops a subscription; deliveries still waiting for it fail. */
export function useUnsubscribeWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.notification.DELETE('/api/v1/webhooks/{id}', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: WEBHOOKS }),
  });
}
