/** Life events residents browse by (一件事); a plain list, so a screen that shows them loads no schema. */
export const LIFE_EVENTS = [
  '生育',
  '上学',
  '就业',
  '养老',
  '建房',
  '婚姻',
  '残疾人',
  '社会救助',
  '医疗',
  '户籍',
  '农业生产',
  '退役军人',
  '开办企业',
  '工程建设',
] as const;
