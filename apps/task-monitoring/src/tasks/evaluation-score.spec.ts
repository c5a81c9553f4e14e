import { evaluateCommune, taskScore } from './evaluation-score';

/** Due 31 March 2026: late from 2026-03-31T17:00Z (midnight in Vietnam). */
const march = { targetValue: 80, dueDate: '2026-03-31' };
const duringMarch = new Date('2026-03-20T03:00:00Z');
const inApril = new Date('2026-04-10T03:00:00Z');

describe('the score of one task', () => {
  it('is the progress so far while the task is not due', () => {
    expect(taskScore({ ...march, value: null, doneAt: null }, duringMarch)).toBe(0);
    expect(taskScore({ ...march, value: 60, doneAt: null }, duringMarch)).toBe(75);
  });

  it('is 100 when done by the end of the due date, Vietnam time', () => {
    const lastEvening = new Date('2026-03-31T16:30:00Z');
    expect(taskScore({ ...march, value: 80, doneAt: lastEvening }, inApril)).toBe(100);
    expect(taskScore({ ...march, value: 95, doneAt: duringMarch }, inApril)).toBe(100);
  });

  it('loses 5 points per day late, down to 50', () => {
    expect(taskScore({ ...march, value: 80, doneAt: new Date('2026-03-31T17:00:00Z') }, inApril)).toBe(95);
    expect(taskScore({ ...march, value: 80, doneAt: new Date('2026-04-03T05:00:00Z') }, inApril)).toBe(85);
    expect(taskScore({ ...march, value: 80, doneAt: new Date('2026-05-30T05:00:00Z') }, inApril)).toBe(50);
  });

  it('is 0 when the due date passed short of the target, however close', () => {
    expect(taskScore({ ...march, value: 79, doneAt: null }, inApril)).toBe(0);
  });
});

describe("a commune's evaluation", () => {
  it('is the mean of its task scores, to one decimal, with the outcomes counted', () => {
    const tasks = [
      { ...march, value: 80, doneAt: duringMarch },
      { ...march, value: 80, doneAt: new Date('2026-04-02T03:00:00Z') },
      { ...march, value: 10, doneAt: null },
      { targetValue: 3, dueDate: '2026-04-30', value: 1, doneAt: null },
    ];
    expect(evaluateCommune(tasks, inApril)).toEqual({
      score: 55.8,
      tasks: 4,
      done: 1,
      doneLate: 1,
      overdue: 1,
      inProgress: 1,
    });
  });

  it('has no score without tasks', () => {
    expect(evaluateCommune([], inApril)).toEqual({
      score: null,
      tasks: 0,
      done: 0,
      doneLate: 0,
      overdue: 0,
      inProgress: 0,
    });
  });
});
