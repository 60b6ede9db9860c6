import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ActionInput, ActionOutput, WireError } from '@shared/api.schema';
import type { Item, MaterialSpec } from '@shared/catalogue.schema';
import type { RouteDecision } from '@shared/routing.schema';
import { fieldErrorsOf, formSchemaFor, ownPrefill, type OwnMasked } from '@shared/form.schema';
import type { Answer } from '../services/api';
import { fieldErrors } from '../services/field.errors';
import type { PickedPhoto } from '../services/upload';

type SubmitInput = ActionInput<'requests', 'submit'>;
type SubmitOutput = ActionOutput<'requests', 'submit'>;

/** One photo of a material: uploading, uploaded with its file id, or failed. */
export type PhotoState = { path: string; fileId?: string; status: 'uploading' | 'done' | 'failed' };

/** What the form needs from the outside world: sending the request, picking and uploading photos. */
export type ApplyDeps = {
  send: (input: SubmitInput) => Promise<Answer<SubmitOutput>>;
  pick: (count: number) => Promise<PickedPhoto[]>;
  upload: (photo: PickedPhoto, name: string, folder: string) => Promise<string | null>;
  onDone: (out: SubmitOutput) => void;
};

/** A key for the whole life of one form, so a repeated tap or a retry creates one request only. */
export const newIdempotencyKey = (): string => `apply-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** A material that must come as a photo: required, and no paper original is asked for at the counter. */
export const photoRequired = (m: MaterialSpec): boolean => m.required && !m.paper;

const materialErrors = (item: Item, photos: Record<string, PhotoState[]>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const m of item.materials) {
    const list = photos[m.name] ?? [];
    if (list.some((p) => p.status === 'uploading')) out[m.name] = '照片还在上传，请稍等';
    else if (photoRequired(m) && !list.some((p) => p.status === 'done')) out[m.name] = `请拍照上传${m.name}`;
  }
  return out;
};

/**
 * The apply form: values, inline errors, the chosen intake center, photos and one guarded submit.
 * Fields asking for the applicant's own ID number or phone start with the bound ones, masked
 * (`own`); sent back unchanged, the server puts the bound numbers in their place. Other fields
 * about the applicant (`initialValues`, such as the name kept on this phone) start filled in too.
 */
export const useApplyForm = (
  item: Item,
  route: RouteDecision,
  deps: ApplyDeps,
  initialIntake?: string,
  own: OwnMasked = {},
  initialValues: Record<string, string> = {},
) => {
  const { idMasked, phoneMasked } = own;
  const prefilled = useMemo(() => ownPrefill(item.formFields, { idMasked, phoneMasked }), [item, idMasked, phoneMasked]);
  const schema = useMemo(() => formSchemaFor(item.formFields, prefilled), [item, prefilled]);
  const key = useRef(newIdempotencyKey()).current;
  const inFlight = useRef(false);
  const [values, setValues] = useState<Record<string, string>>({ ...initialValues, ...prefilled });
  // the session may load after the form: its prefill fills only what is still empty
  useEffect(() => setValues((s) => ({ ...prefilled, ...Object.fromEntries(Object.entries(s).filter(([, v]) => v !== '')) })), [prefilled]);
  // the confirmation sheet: a submit happens only from there, never from the first tap on the bar
  const [reviewing, setReviewing] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [intakeId, setIntakeId] = useState(
    initialIntake && route.intake.some((o) => o.center.id === initialIntake) ? initialIntake : route.intake[0]?.center.id,
  );
  const [photos, setPhotos] = useState<Record<string, PhotoState[]>>({});
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<WireError | null>(null);

  const setValue = useCallback((k: string, v: string) => {
    setValues((s) => ({ ...s, [k]: v }));
    setErrors((e) => (e[k] ? { ...e, [k]: '' } : e));
  }, []);

  const setPhoto = (name: string, path: string, patch: Partial<PhotoState>) =>
    setPhotos((s) => ({ ...s, [name]: (s[name] ?? []).map((p) => (p.path === path ? { ...p, ...patch } : p)) }));

  const addPhotos = async (m: MaterialSpec) => {
    const picked = await deps.pick(3);
    setPhotos((s) => ({ ...s, [m.name]: [...(s[m.name] ?? []), ...picked.map((p) => ({ path: p.path, status: 'uploading' as const }))] }));
    setErrors((e) => ({ ...e, [m.name]: '' }));
    await Promise.all(
      picked.map(async (p, i) => {
        const fileId = await deps.upload(p, `m${item.materials.indexOf(m)}-${Date.now().toString(36)}-${i}`, key);
        setPhoto(m.name, p.path, fileId ? { fileId, status: 'done' } : { status: 'failed' });
      }),
    );
  };

  const removePhoto = (name: string, path: string) => setPhotos((s) => ({ ...s, [name]: (s[name] ?? []).filter((p) => p.path !== path) }));

  const materials = (): SubmitInput['materials'] =>
    item.materials.flatMap((m) => (photos[m.name] ?? []).filter((p) => p.fileId).map((p) => ({ name: m.name, fileId: p.fileId })));

  const validate = (): Record<string, string> | null => {
    const parsed = schema.safeParse(values);
    const found = { ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), ...materialErrors(item, photos) };
    if (!intakeId) found.intake = '请选择提交地点';
    return Object.keys(found).length ? found : null;
  };

  /** Checks the form and, when it is complete, opens the confirmation of what will be sent where. */
  const review = () => {
    setFailure(null);
    const problems = validate();
    if (problems) return setErrors(problems);
    setReviewing(true);
  };

  const submit = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setFailure(null);
    const problems = validate();
    if (problems) {
      setErrors(problems);
      setReviewing(false);
      inFlight.current = false;
      return;
    }
    setSubmitting(true);
    const answer = await deps.send({ itemCode: item.code, intakeCenterId: intakeId as string, form: values, materials: materials(), idempotencyKey: key });
    setSubmitting(false);
    inFlight.current = false;
    if (answer.ok) return deps.onDone(answer.data);
    setReviewing(false);
    setErrors({ ...fieldErrors(answer.error, 'form'), ...fieldErrors(answer.error) });
    setFailure(answer.error);
  };

  return {
    values,
    prefilled,
    setValue,
    errors,
    intakeId,
    setIntakeId,
    photos,
    addPhotos,
    removePhoto,
    submitting,
    submit,
    failure,
    idempotencyKey: key,
    reviewing,
    review,
    closeReview: () => setReviewing(false),
    filledIn: Object.keys(initialValues).length + Object.keys(prefilled).length > 0,
  };
};

export type ApplyForm = ReturnType<typeof useApplyForm>;
