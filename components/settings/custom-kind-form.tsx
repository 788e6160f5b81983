'use client';
import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { discoverCustomKind } from '@/app/settings/kind-actions';
import { BUILTIN_KINDS, customKind } from '@/lib/k8s/kinds';
import { useCustomKinds, type CustomKindSpec } from '../use-custom-kinds';

type Field = 'group' | 'version' | 'plural' | 'kind';
type Errors = Partial<Record<Field, string>>;
// Examples are identifiers, the same in every language.
const EXAMPLE = { group: 'projectcontour.io', version: 'v1', plural: 'httpproxies', kind: 'HTTPProxy' } as const;
type T = ReturnType<typeof useTranslations<'settings.kindForm'>>;

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const GROUP = new RegExp(`^${LABEL}(\\.${LABEL})+$`);
const PLURAL = new RegExp(`^${LABEL}$`);
const VERSION = /^v\d+((alpha|beta)\d+)?$/;
const KIND = /^[A-Z][A-Za-z0-9]*$/;

// Mirrors the API server's CRD validation so a typo is caught here, not as an empty list later.
function validate(v: Record<Field, string>, t: T): Errors {
  const e: Errors = {};
  if (!GROUP.test(v.group)) e.group = t('error.group');
  if (!VERSION.test(v.version)) e.version = t('error.version');
  if (!PLURAL.test(v.plural)) e.plural = t('error.plural');
  if (v.kind && !KIND.test(v.kind)) e.kind = t('error.kind');
  if (!e.group && !e.plural && BUILTIN_KINDS.some((k) => k.group === v.group && k.plural === v.plural)) {
    e.plural = t('error.builtIn', { resource: `${v.plural}.${v.group}` });
  }
  return e;
}

function Input({ id, label, value, onChange, error, placeholder }: { id: string; label: string; value: string; onChange: (v: string) => void; error?: string; placeholder: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <input
        id={id}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        autoComplete="off"
        spellCheck={false}
        className={`h-7 w-48 rounded border bg-surface px-2 font-mono text-[12px] placeholder:text-muted ${error ? 'border-danger' : 'border-line'}`}
      />
      {error ? (
        <p id={`${id}-error`} className="max-w-48 text-[12px] text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function CustomKindForm() {
  const t = useTranslations('settings.kindForm');
  const id = useId();
  const { add } = useCustomKinds();
  const [values, setValues] = useState<Record<Field, string>>({ group: '', version: 'v1', plural: '', kind: '' });
  const [namespaced, setNamespaced] = useState(true);
  const [errors, setErrors] = useState<Errors>({});
  const [added, setAdded] = useState('');
  const [busy, setBusy] = useState(false);

  const set = (f: Field) => (v: string) => setValues((s) => ({ ...s, [f]: f === 'kind' ? v.trim() : v.trim().toLowerCase() }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const errs = validate(values, t);
    setErrors(errs);
    if (Object.keys(errs).length) {
      setAdded('');
      const first = (Object.keys(errs) as Field[])[0];
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    let spec: CustomKindSpec = { ...values, kind: values.kind || undefined, namespaced };
    let status: string;
    if (!spec.kind) {
      // Only the plural was typed: the cluster's discovery knows the real Kind (and scope).
      setBusy(true);
      const found = await discoverCustomKind({ group: values.group, version: values.version, plural: values.plural }).catch((err: Error) => ({ ok: false as const, error: err.message }));
      setBusy(false);
      if (found.ok) {
        spec = { ...spec, kind: found.kind.kind, singular: found.kind.singular, namespaced: found.kind.namespaced };
      }
      add(spec);
      const key = customKind(spec).key;
      status = found.ok ? t('addedAs', { key, kind: found.kind.kind }) : t('addedUnderPlural', { key, error: found.error });
    } else {
      add(spec);
      status = t('added', { key: customKind(spec).key });
    }
    setAdded(status);
    setValues({ group: '', version: 'v1', plural: '', kind: '' });
  }

  return (
    <form aria-label={t('label')} onSubmit={submit} noValidate className="rounded-md border border-line bg-surface px-4 py-3">
      <div className="flex flex-wrap items-start gap-3">
        <Input id={`${id}-group`} label={t('group')} value={values.group} onChange={set('group')} error={errors.group} placeholder={EXAMPLE.group} />
        <Input id={`${id}-version`} label={t('version')} value={values.version} onChange={set('version')} error={errors.version} placeholder={EXAMPLE.version} />
        <Input id={`${id}-plural`} label={t('plural')} value={values.plural} onChange={set('plural')} error={errors.plural} placeholder={EXAMPLE.plural} />
        <Input id={`${id}-kind`} label={t('kind')} value={values.kind} onChange={set('kind')} error={errors.kind} placeholder={EXAMPLE.kind} />
        <div className="flex flex-col gap-1">
          <span className="font-medium" aria-hidden="true">
            {'\u00a0'}
          </span>
          <label className="flex h-7 items-center gap-1.5">
            <input type="checkbox" checked={namespaced} onChange={(e) => setNamespaced(e.target.checked)} />
            {t('namespaced')}
          </label>
        </div>
        <div className="flex flex-col gap-1">
          <span aria-hidden="true">{'\u00a0'}</span>
          <button type="submit" aria-disabled={busy || undefined} className="h-7 rounded bg-accent px-3 font-medium text-accent-fg hover:opacity-90">
            {t('submit')}
          </button>
        </div>
      </div>
      <p role="status" className="mt-2 min-h-5 text-muted">
        {busy ? t('busy') : added}
      </p>
    </form>
  );
}
