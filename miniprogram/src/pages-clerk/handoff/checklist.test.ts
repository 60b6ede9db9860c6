import type { MaterialSpec } from '@shared/catalogue.schema';
import { checklistToSend, initialChecklist } from './checklist';

const SPECS: MaterialSpec[] = [
  { name: '居民身份证', paper: true, copies: 1, required: true },
  { name: '户口簿', paper: false, copies: 2, required: true },
  { name: '照片', paper: false, copies: 0, required: false },
  { name: '证明', paper: false, copies: 0, required: false },
];

describe('the handoff checklist', () => {
  it('starts from the item: paper originals, copies, and the uploaded files, ticked when required or uploaded', () => {
    const rows = initialChecklist(SPECS, [{ name: '照片', fileId: 'f-1' }]);
    expect(rows.map((r) => [r.name, r.form, r.count, r.ticked])).toEqual([
      ['居民身份证', 'paper_original', 1, true],
      ['户口簿', 'paper_copy', 2, true],
      ['照片', 'file', 1, true],
      ['证明', 'paper_copy', 1, false],
    ]);
  });

  it('adds materials the applicant sent beyond the guide (a 补正) as files', () => {
    const rows = initialChecklist(SPECS.slice(0, 1), [
      { name: '家庭收入情况声明', fileId: 'f-2' },
      { name: '家庭收入情况声明', fileId: 'f-3' },
    ]);
    expect(rows.map((r) => r.name)).toEqual(['居民身份证', '家庭收入情况声明']);
    expect(rows[1]).toMatchObject({ form: 'file', ticked: true });
  });

  it('sends only the ticked rows, without the editing flags', () => {
    const rows = initialChecklist(SPECS, []);
    expect(checklistToSend(rows)).toEqual([
      { name: '居民身份证', form: 'paper_original', count: 1 },
      { name: '户口簿', form: 'paper_copy', count: 2 },
    ]);
  });
});
