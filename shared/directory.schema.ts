import { z } from 'zod';
import { ItemListSchema } from './catalogue.schema';
import { text } from './text.bounds';

/** The kinds of service centers. */
export const CenterKindSchema = z.enum(['city', 'township', 'village', 'zone', 'bank']);
export type CenterKind = z.infer<typeof CenterKindSchema>;

/** A point on the map (WGS-84 / GCJ-02 as the map expects). */
export const LatLngSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
export type LatLng = z.infer<typeof LatLngSchema>;

/** A center's location; `approximate` is true for generated sample coordinates. */
export const LocationSchema = LatLngSchema.extend({ approximate: z.boolean() });
export type Location = z.infer<typeof LocationSchema>;

/**
 * A service center. The chain is carried by `parentId`:
 * village -> its township; township -> city; zone -> city; bank -> the township it sits in; city -> null.
 */
export const CenterSchema = z.object({
  id: text('id').regex(/^[a-z0-9-]{2,40}$/),
  kind: CenterKindSchema,
  name: text('line').min(2),
  /** the 3-digit statistics code after 370883 (the township it belongs to or sits in); null for the city */
  townshipCode: z
    .string()
    .length(3)
    .regex(/^\d{3}$/)
    .nullable(),
  parentId: text('id').nullable(),
  location: LocationSchema,
  address: text('line'),
  phone: text('code'),
  /** opening hours in plain Chinese, e.g. 周一至周五 9:00-12:00 13:30-17:30 */
  hours: text('line'),
  /** item codes this center offers */
  offers: z.array(text('code')),
  /** special item lists whose items this center decides (zone branch: zone; 太平镇: taiping) */
  entrustedLists: z.array(ItemListSchema).default([]),
  sample: z.boolean(),
});
export type Center = z.infer<typeof CenterSchema>;

/** A reference to a center as answers carry it. */
export const CenterRefSchema = z.object({ id: text('id'), kind: CenterKindSchema, name: text('line') });
export type CenterRef = z.infer<typeof CenterRefSchema>;

/** Shrinks a center to the reference answers carry. */
export const centerRef = (c: Pick<Center, 'id' | 'kind' | 'name'>): CenterRef => ({ id: c.id, kind: c.kind, name: c.name });

/** A township of Zoucheng with its statistics code. */
export const TownshipSchema = z.object({
  code: z
    .string()
    .length(3)
    .regex(/^\d{3}$/),
  name: text('name'),
});
export type Township = z.infer<typeof TownshipSchema>;
