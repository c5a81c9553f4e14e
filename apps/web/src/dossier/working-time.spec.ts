import { workingTimeParts } from './working-time';

describe('working time left, as a person reads it', () => {
  it('counts days of eight working hours, then hours, then minutes', () => {
    expect(workingTimeParts(1440)).toEqual({ days: 3, hours: 0, minutes: 0 });
    expect(workingTimeParts(570)).toEqual({ days: 1, hours: 1, minutes: 30 });
    expect(workingTimeParts(59)).toEqual({ days: 0, hours: 0, minutes: 59 });
  });

  it('reads an overdue (negative) amount by its size', () => {
    expect(workingTimeParts(-450)).toEqual({ days: 0, hours: 7, minutes: 30 });
  });
});
