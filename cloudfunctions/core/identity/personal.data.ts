/**
 * How a person's numbers are kept: the ID number as a keyed hash plus its mask; the phone (and
 * a name) as mask plus AES-256-GCM seal, so a clerk can still call; every phone normalized first.
 */
import { normalizePhone } from '../../../shared/validators';
import { maskIdNumber, maskName, maskPhone } from '../../../shared/masking';
import type { Secrets } from '../services/secrets';
import type { UserRecord } from '../stores/user.port';
import { openText, sealText } from './personal.cipher';
import { keyedHash } from './token';
import { idHashOf } from './id.hash';

type Keys = { deps: { secrets: Secrets } };

export { idHashOf } from './id.hash';

/** A phone as stored: normalized, then masked, hashed and sealed. */
export const sealedPhone = (ctx: Keys, phone: string) => {
  const normal = normalizePhone(phone);
  return { phoneMasked: maskPhone(normal), phoneHash: keyedHash(normal, ctx.deps.secrets.idHash), phoneSealed: sealText(normal, ctx.deps.secrets.phoneKey) };
};

/** Seals a value (a form's phone) under the phone key. */
export const sealValue = (ctx: Keys, value: string): string => sealText(value, ctx.deps.secrets.phoneKey);

/** Opens a sealed value; only an explicit, audited reveal calls this. */
export const openValue = (ctx: Keys, sealed: string): string => openText(sealed, ctx.deps.secrets.phoneKey);

/** The identity fields a bound resident's record keeps: nothing in clear. */
export const residentIdentity = (ctx: Keys, p: { name: string; idNumber: string; phone: string }): Partial<UserRecord> => ({
  nameMasked: maskName(p.name),
  nameSealed: sealText(p.name.trim(), ctx.deps.secrets.phoneKey),
  idHash: idHashOf(ctx, p.idNumber),
  idMasked: maskIdNumber(p.idNumber.trim().toUpperCase()),
  ...sealedPhone(ctx, p.phone),
});

/** The record with its identity removed (a clerk's unbind): the account stays, unbound. */
export const withoutIdentity = ({
  nameMasked: _n,
  nameSealed: _ns,
  idHash: _i,
  idMasked: _im,
  phoneMasked: _p,
  phoneHash: _ph,
  phoneSealed: _ps,
  ...rest
}: UserRecord): UserRecord => rest;
