import { SERVICE_NAMES } from '@onestop/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceFiles } from './kafka-access';
import { containersOf, K8sObject, podTemplateOf, renderKustomization, ROOT } from './manifests';

/** The services whose code seals or opens personal data in events: those that import EventDataModule. */
function servicesWithEventData(): string[] {
  return SERVICE_NAMES.filter((service) =>
    sourceFiles(join(ROOT, 'apps', service, 'src')).some((file) =>
      /\bEventDataModule\b/.test(readFileSync(file, 'utf8')),
    ),
  );
}

/** The workloads given EVENT_DATA_KEYS, by their app label. */
function workloadsWithEventDataKeys(objects: K8sObject[]): string[] {
  return objects
    .filter((object) => podTemplateOf(object)?.spec.containers.length)
    .filter((object) =>
      containersOf(podTemplateOf(object)!).some((container) =>
        container.env?.some((variable) => variable.name === 'EVENT_DATA_KEYS'),
      ),
    )
    .map((object) => `${object.kind}/${object.metadata.name}`)
    .sort();
}

describe('who holds the event-data keys', () => {
  it('is exactly the services that seal or open the contact in events: never reporting or task monitoring', () => {
    expect(servicesWithEventData().sort()).toEqual(['digital-signature', 'intake', 'notification', 'routing']);
  });

  it.each(['k8s/overlays/dev', 'k8s/overlays/hue'])(
    'is what %s gives EVENT_DATA_KEYS to, from the Secret onestop-event-data',
    (overlay) => {
      const rendered = renderKustomization(overlay);
      expect(workloadsWithEventDataKeys(rendered)).toEqual(
        servicesWithEventData()
          .map((service) => `Deployment/${service}`)
          .sort(),
      );
      for (const object of rendered.filter((candidate) => podTemplateOf(candidate))) {
        for (const container of containersOf(podTemplateOf(object)!)) {
          const variable = container.env?.find((candidate) => candidate.name === 'EVENT_DATA_KEYS');
          if (variable)
            expect(variable.valueFrom?.secretKeyRef).toEqual({ name: 'onestop-event-data', key: 'EVENT_DATA_KEYS' });
        }
      }
    },
    60_000,
  );
});
