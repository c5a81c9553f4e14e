import { maskPersonalText } from './mask';

describe('maskPersonalText', () => {
  it('hides citizen ID numbers, phone numbers and e-mail local parts', () => {
    const text = 'applicant 046095001234 phone 0912345678 alt +84987654321 mail nguyen.van.a@gmail.com';
    expect(maskPersonalText(text)).toBe('applicant ************ phone 091*****78 alt 098*****21 mail n***@gmail.com');
  });

  it('leaves dossier codes and ordinary numbers alone', () => {
    expect(maskPersonalText('dossier 46001-261120-0042 took 3 days, 1200 ms')).toBe(
      'dossier 46001-261120-0042 took 3 days, 1200 ms',
    );
  });
});
