import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/clients';
import type { components } from '../../api/generated/notification';

export type TemplateVersion = components['schemas']['TemplateVersionDto'];
export type TemplateText = components['schemas']['TemplateDto'];
export type RenderedTemplate = components['schemas']['RenderedTemplateDto'];
export type TemplateKind = TemplateVersion['kind'];
export type TemplateChannel = TemplateVersion['channel'];
export type TemplateLocale = TemplateVersion['locale'];

/** Which template: a message kind on a channel in a language. */
export interface TemplateKey {
  kind: string;
  channel: string;
  locale: string;
}

const TEMPLATES = ['templates'] as const;

/** The province's effective templates: its own version of each, else the national default. */
export function useTemplates() {
  return useQuery({
    queryKey: TEMPLATES,
    queryFn: () => unwrap(api.notification.GET('/api/v1/templates')).then((list) => list.items),
  });
}

/** The version the province's notices use now for one key. */
export function useTemplate(key: TemplateKey) {
  return useQuery({
    queryKey: [...TEMPLATES, key.kind, key.channel, key.locale],
    queryFn: () =>
      unwrap(api.notification.GET('/api/v1/templates/{kind}/{channel}/{locale}', { params: { path: key } })),
  });
}

/** A draft rendered with the service's sample values, exactly as the channel would send it. */
export function usePreviewTemplate(key: TemplateKey) {
  return useMutation({
    mutationFn: (draft: TemplateText) =>
      unwrap(
        api.notification.POST('/api/v1/templates/{kind}/{channel}/{locale}/preview', {
          params: { path: key },
          body: { draft },
        }),
      ),
  });
}

/** Saves the province's next version of the template; the list and the current version are read again. */
export function useSaveTemplate(key: TemplateKey) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: TemplateText) =>
      unwrap(
        api.notification.PUT('/api/v1/templates/{kind}/{channel}/{locale}', { params: { path: key }, body: text }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TEMPLATES }),
  });
}
