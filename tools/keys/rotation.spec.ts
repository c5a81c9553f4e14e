import { UsageError } from '../stack/cli';
import { describeKeyUsage, parseRotationCommand } from './rotation';

const SERVICES = ['intake', 'digital-signature'];

describe('keys:rotate command line', () => {
  it('takes the service, a batch size (500 unless given) and, for digital-signature, a PKI directory', () => {
    expect(parseRotationCommand(['--service', 'intake'], SERVICES)).toEqual({
      service: 'intake',
      batchSize: 500,
      pkiDir: undefined,
    });
    expect(parseRotationCommand(['--service', 'digital-signature', '--batch-size', '20'], SERVICES)).toEqual({
      service: 'digital-signature',
      batchSize: 20,
      pkiDir: undefined,
    });
    expect(parseRotationCommand(['--service', 'digital-signature', '--pki-dir', '/tmp/pki'], SERVICES)).toEqual({
      service: 'digital-signature',
      batchSize: 500,
      pkiDir: '/tmp/pki',
    });
  });

  it.each([
    [[], /--service must be one of intake, digital-signature/],
    [['--service', 'routing'], /--service must be one of/],
    [['--service', 'intake', '--batch-size', '0'], /--batch-size must be a whole number from 1 to 10000/],
    [['--service', 'intake', '--batch-size', '2.5'], /--batch-size must be a whole number/],
    [['--service', 'intake', '--batch-size', '20000'], /--batch-size must be a whole number/],
    [['--service', 'intake', '--pki-dir', '/tmp/pki'], /--pki-dir belongs to --service digital-signature/],
    [['--service', 'intake', '--force'], /Unknown option '--force'/],
    [['--service', 'digital-signature', '--pki-dir', '/tmp/pki', '--batch-size', '5'], /leave out --batch-size/],
  ])('refuses %j as a usage error', (argv, message) => {
    expect(() => parseRotationCommand(argv, SERVICES)).toThrow(UsageError);
    expect(() => parseRotationCommand(argv, SERVICES)).toThrow(message);
  });

  it('tells the operator which old keys still hold rows and which may go', () => {
    expect(
      describeKeyUsage({
        setting: 'BLIND_INDEX_KEY',
        items: 'row(s)',
        current: 'v3',
        currentRows: 10,
        oldKeys: { v1: 0, v2: 4 },
      }),
    ).toEqual([
      'BLIND_INDEX_KEY: 10 row(s) under the current key v3',
      'BLIND_INDEX_KEY: 0 row(s) left under v1; v1 may be removed',
      'BLIND_INDEX_KEY: 4 row(s) left under v2',
    ]);
  });
});
