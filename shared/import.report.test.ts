import { diffRecords, locateColumns } from './import.report';
import { materialsOf } from './import.items';

it('a diff lists added, retired and changed records field by field, and ignores the fields it is told to', () => {
  const before = [
    { id: 'a', name: '甲', sample: true },
    { id: 'b', name: '乙', sample: true },
    { id: 'c', name: '丙', sample: true },
  ];
  const after = [
    { id: 'a', name: '甲', sample: false },
    { id: 'b', name: '乙二', sample: false },
    { id: 'd', name: '丁', sample: false },
  ];
  expect(diffRecords(before, after, (r) => r.id, ['sample'])).toEqual({
    add: ['d'],
    retire: ['c'],
    unchanged: 1,
    change: [{ id: 'b', fields: [{ field: 'name', from: '乙', to: '乙二' }] }],
  });
});

it('columns are found by Chinese heading or key in any order, and a missing required one is named', () => {
  const layout = [
    { key: 'id', zh: '编号', required: true },
    { key: 'name', zh: '名称', required: true },
    { key: 'note', zh: '备注', required: false },
  ];
  const { at, errors } = locateColumns(layout, ['\uFEFFname', '编号']);
  expect([...at.entries()]).toEqual([
    ['id', 1],
    ['name', 0],
  ]);
  expect(errors).toEqual([]);
  expect(locateColumns(layout, ['编号']).errors).toEqual([{ column: '名称', message: '缺少“名称”列，请使用模板的表头' }]);
});

it('materials in one cell read as paper and required unless marked [电子] or [可选]', () => {
  expect(materialsOf('居民身份证；近期照片[电子]；委托书[可选]')).toEqual([
    { name: '居民身份证', paper: true, copies: 1, required: true },
    { name: '近期照片', paper: false, copies: 0, required: true },
    { name: '委托书', paper: true, copies: 1, required: false },
  ]);
});
