import { codeRangeView, topCredentials } from './specialty-page';

describe('codeRangeView', () => {
  it('links the bounds of a CPT or ICD-10-CM range to their code pages', () => {
    expect(codeRangeView('CPT', ['20100', '29999'])).toEqual({
      label: '20100–29999',
      links: [
        { label: '20100', path: '/codes/cpt/20100' },
        { label: '29999', path: '/codes/cpt/29999' },
      ],
    });
    expect(codeRangeView('CPT', ['69990', '69990'])).toEqual({ label: '69990', links: [{ label: '69990', path: '/codes/cpt/69990' }] });
    expect(codeRangeView('ICD-10-CM', ['A00', 'Z99']).links.map((l) => l.path)).toEqual(['/codes/icd-10-cm/A00', '/codes/icd-10-cm/Z99']);
  });

  it('links a HCPCS range to the sections of its letters, whose bounds are not codes', () => {
    expect(codeRangeView('HCPCS Level II', ['J0000', 'J9999']).links).toEqual([{ label: 'HCPCS J codes', path: '/codes/hcpcs/sections/J' }]);
    expect(codeRangeView('HCPCS Level II', ['A0000', 'V9999']).links.map((l) => l.label)).toEqual(['HCPCS A codes', 'HCPCS V codes']);
  });

  it('leaves unlinked a range of a code set the reference does not hold', () => {
    expect(codeRangeView('ICD-10-PCS', ['0016070', '0016070'])).toEqual({ label: '0016070', links: [] });
  });
});

describe('topCredentials', () => {
  it('ranks by open jobs, then by code, leaving out those no job asks for', () => {
    const credentials = [
      { code: 'CCS', name: 'Certified Coding Specialist' },
      { code: 'CPC', name: 'Certified Professional Coder' },
      { code: 'CRC', name: 'Certified Risk Adjustment Coder' },
      { code: 'RHIT', name: 'Registered Health Information Technician' },
    ];
    expect(topCredentials({ CPC: 5, CCS: 2, CRC: 2, RHIT: 0 }, credentials, 2).map((c) => [c.code, c.jobs])).toEqual([
      ['CPC', 5],
      ['CCS', 2],
    ]);
  });
});
