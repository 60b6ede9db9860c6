import { useState } from 'react';
import * as z from 'zod/mini';
import { SessionInput } from '@shared/api.schema';
import { IdNumberSchema, MobileSchema } from '@shared/validators';
import { fieldErrorsOf } from '@shared/form.schema';
import { call } from '../services/api';
import { fieldErrors } from '../services/field.errors';
import { useSession } from './useSession';
import { rememberBound } from '../services/bound.identity';

/** The binding form checks what the server checks: the ID checksum and the mobile number too. */
const BindSchema = z.extend(SessionInput.bindResident, {
  // an empty field asks to be filled in; only a typed number can be wrong
  idNumber: z.pipe(z.string().check(z.trim(), z.minLength(1, '请填写身份证号')), IdNumberSchema),
  phone: z.pipe(z.string().check(z.trim(), z.minLength(1, '请填写手机号')), MobileSchema),
  homeVillageId: z.string({ error: '请选择所在村居' }).check(z.minLength(1, '请选择所在村居')),
});

type Values = { name: string; idNumber: string; phone: string; homeVillageId: string; homeVillageName: string };

/** 实名绑定: name, ID number, phone and home village, with inline errors kept next to each field. */
export const useBindResident = (onDone: () => void) => {
  const { setUser } = useSession();
  const [values, setValues] = useState<Values>({ name: '', idNumber: '', phone: '', homeVillageId: '', homeVillageName: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => ({ ...e, ...Object.fromEntries(Object.keys(patch).map((k) => [k, ''])) }));
  };
  const submit = async () => {
    if (busy) return;
    const parsed = BindSchema.safeParse(values);
    if (!parsed.success) return setErrors(fieldErrorsOf(parsed.error));
    setBusy(true);
    const a = await call('session', 'bindResident', parsed.data, { loading: '正在保存' });
    setBusy(false);
    if (!a.ok) return setErrors(fieldErrors(a.error));
    rememberBound(a.data.user.id, { name: parsed.data.name });
    setUser(a.data.user);
    onDone();
  };
  return { values, set, errors, busy, submit };
};
