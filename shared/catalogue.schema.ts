import { z } from 'zod';
import { text } from './text.bounds';

/** Who an item serves. */
export const AudienceSchema = z.enum(['person', 'company', 'both']);
export type Audience = z.infer<typeof AudienceSchema>;

/** The authority level an item is delegated to. */
export const ItemLevelSchema = z.enum(['village', 'township', 'city']);
export type ItemLevel = z.infer<typeof ItemLevelSchema>;

/**
 * The special lists an item can belong to. Routing reads these, never item codes:
 * - zone: 区内事区内办, decided by the development-zone branch for zone companies;
 * - taiping: entrusted to 太平镇 (any township whose center carries the list in `entrustedLists`);
 * - sameAuthority: 市县镇三级同权, a city item the home township decides;
 * - bank: 政银合作, can be started at partner bank branches;
 * - citywide: 全市通办, any center may take it in;
 * - online: can be applied for online (全程网办).
 */
export const ItemListSchema = z.enum(['zone', 'taiping', 'sameAuthority', 'bank', 'citywide', 'online']);
export type ItemList = z.infer<typeof ItemListSchema>;

/** Life events residents browse by (一件事). */
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
export const LifeEventSchema = z.enum(LIFE_EVENTS);
export type LifeEvent = z.infer<typeof LifeEventSchema>;

/** One material the applicant brings or uploads. */
export const MaterialSpecSchema = z.object({
  name: text('name').min(1),
  /** paper original needed at the counter (or handed up the chain) */
  paper: z.boolean(),
  copies: z.number().int().min(0).default(0),
  required: z.boolean(),
  note: text('note').optional(),
});
export type MaterialSpec = z.infer<typeof MaterialSpecSchema>;

/** One field of the application form for an item. */
export const FormFieldSchema = z.object({
  key: text('code').regex(/^[a-zA-Z][a-zA-Z0-9_]*$/),
  label: text('name').min(1),
  /**
   * `idOrCreditCode`: a resident ID number or a credit code, checked by whichever checksum fits
   * and kept like `idNumber` (masked, hashed); `creditCode`: GB 32100, public register data, kept as typed
   */
  type: z.enum(['text', 'textarea', 'number', 'date', 'select', 'phone', 'idNumber', 'idOrCreditCode', 'creditCode']),
  required: z.boolean(),
  /** the field asks for the applicant's own ID number or phone: the app prefills the bound one, masked */
  prefill: z.enum(['ownIdNumber', 'ownPhone']).optional(),
  options: z.array(text('name')).optional(),
  maxLength: z.number().int().positive().optional(),
  placeholder: text('line').optional(),
});
export type FormField = z.infer<typeof FormFieldSchema>;

/** A service item (事项) in the catalogue. */
export const ItemSchema = z.object({
  code: text('code').regex(/^[A-Z0-9-]{4,40}$/),
  name: text('line').min(2),
  audience: AudienceSchema,
  category: text('name').min(1),
  lifeEvents: z.array(LifeEventSchema),
  level: ItemLevelSchema,
  lists: z.array(ItemListSchema),
  materials: z.array(MaterialSpecSchema),
  conditions: z.array(text('text')),
  fee: text('line').min(1),
  promisedDays: z.number().int().min(0),
  statutoryDays: z.number().int().min(0),
  /** 即办件 (immediate) or 承诺件 (promised within promisedDays) */
  kind: z.enum(['immediate', 'promised']),
  /** 一次办好: at most one visit */
  visits: z.union([z.literal(0), z.literal(1)]),
  department: text('line').min(1),
  formFields: z.array(FormFieldSchema),
  /** every shipped record is sample data until the official lists are imported */
  sample: z.boolean(),
});
export type Item = z.infer<typeof ItemSchema>;

/** Tells whether an item belongs to a special list. */
export const onList = (item: Pick<Item, 'lists'>, list: ItemList): boolean => item.lists.includes(list);
