export * from './lib/administrative-unit';
export * from './lib/administrative-units.service';
export * from './lib/procedure-definition';
export * from './lib/migrations/1763900000000-CreateAdministrativeUnits';
export * from './lib/reference-data.module';
export * from './lib/procedure-catalogue';
