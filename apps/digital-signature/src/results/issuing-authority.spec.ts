import { AdministrativeUnit } from '@onestop/reference-data';
import { issuingAuthority } from './issuing-authority';

const unit = (
  fields: Pick<AdministrativeUnit, 'code' | 'kind' | 'name' | 'subkind' | 'provinceCode'>,
): AdministrativeUnit => ({
  nameEn: '',
  parentCode: null,
  effectiveFrom: '2025-07-01',
  effectiveTo: null,
  successorCode: null,
  ...fields,
});
const hue = unit({ code: '46', kind: 'province', name: 'Thành phố Huế', subkind: 'City', provinceCode: null });

describe('the issuing authority of a result', () => {
  it("is a ward's People's Committee under the province's, dated at the ward", () => {
    expect(
      issuingAuthority(
        unit({ code: '19813', kind: 'commune', name: 'Phường Thuỷ Xuân', subkind: 'Ward', provinceCode: '46' }),
        hue,
      ),
    ).toEqual({
      superior: 'UBND THÀNH PHỐ HUẾ',
      heading: ['UBND PHƯỜNG THUỶ XUÂN'],
      name: 'Ủy ban nhân dân phường Thuỷ Xuân',
      place: 'Thuỷ Xuân',
      symbol: 'UBND',
      head: 'Chủ tịch',
      collective: 'ỦY BAN NHÂN DÂN',
    });
  });

  it("is a province's People's Committee with no authority above it", () => {
    const nghean = unit({
      code: '40',
      kind: 'province',
      name: 'Tỉnh Nghệ An',
      subkind: 'Province',
      provinceCode: null,
    });
    expect(issuingAuthority(nghean, null)).toMatchObject({
      superior: null,
      heading: ['ỦY BAN NHÂN DÂN', 'TỈNH NGHỆ AN'],
      name: 'Ủy ban nhân dân tỉnh Nghệ An',
      place: 'Nghệ An',
    });
  });

  it("is a department under the province's committee, with its own symbol and a director who signs in his own name", () => {
    const justice = unit({
      code: '46.STP',
      kind: 'department',
      name: 'Sở Tư pháp Thành phố Huế',
      subkind: 'STP',
      provinceCode: '46',
    });
    expect(issuingAuthority(justice, hue)).toEqual({
      superior: 'UBND THÀNH PHỐ HUẾ',
      heading: ['SỞ TƯ PHÁP'],
      name: 'Sở Tư pháp Thành phố Huế',
      place: 'Huế',
      symbol: 'STP',
      head: 'Giám đốc',
      collective: null,
    });
  });
});
