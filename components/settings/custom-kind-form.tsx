'use client';
import { useId, useState, type FormEvent } from 'react';
import { discoverCustomKind } from '@/app/settings/kind-actions';
import { BUILTIN_KINDS, customKind } from '@/lib/k8s/kinds';
import { useCustomKinds, type CustomKindSpec } from '../use-custom-kinds';

type Field = 'group' | 'version' | 'plural' | 'kind';
type Errors = Partial<Record<Field, string>>;

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const GROUP = new RegExp(`^${LABEL}(\\.${LABEL})+$`);
const PLURAL = new RegExp(`^${LABEL}$`);
const VERSION = /^v\d+((alpha|beta)\d+)?$/;
const KIND = /^[A-Z][A-Za-z0-9]*$/;

// Mirrors the API server's CRD validation so a typo is caught here, not as an empty list later.
function validate(v: Record<Field, string>): Errors {
  const e: Errors = {};
  if (!GROUP.test(v.group)) e.group = 'A DNS subdomain with at least one dot, lower case, e.g. projectcontour.io.';
  if (!VERSION.test(v.version)) e.version = 'Like v1, v1beta1 or v2alpha3.';
  if (!PLURAL.test(v.plural)) e.plural = 'The lower-case plural resource name, e.g. httpproxies.';
  if (v.kind && !KIND.test(v.kind)) e.kind = 'CamelCase starting with a capital, e.g. HTTPProxy (optional).';
  if (!e.group && !e.plural && BUILTIN_KINDS.some((k) => k.group === v.group && k.plural === v.plural)) {
    e.plural = `${v.plural}.${v.group} is already built in.`;
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
    const errs = validate(values);
    setErrors(errs);
    if (Object.keys(errs).length) {
      setAdded('');
      const first = (Object.keys(errs) as Field[])[0];
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    let spec: CustomKindSpec = { ...values, kind: values.kind || undefined, namespaced };
    let note = '';
    if (!spec.kind) {
      // Only the plural was typed: the cluster's discovery knows the real Kind (and scope).
      setBusy(true);
      const found = await discoverCustomKind({ group: values.group, version: values.version, plural: values.plural }).catch((err: Error) => ({ ok: false as const, error: err.message }));
      setBusy(false);
      if (found.ok) {
        spec = { ...spec, kind: found.kind.kind, singular: found.kind.singular, namespaced: found.kind.namespaced };
        note = ` as ${found.kind.kind} (from the cluster's discovery)`;
      } else note = ` under its plural: ${found.error}`;
    }
    add(spec);
    setAdded(`${customKind(spec).key}${note}`);
    setValues({ group: '', version: 'v1', plural: '', kind: '' });
  }

  return (
    <form aria-label="Add a custom resource" onSubmit={submit} noValidate className="rounded-md border border-line bg-surface px-4 py-3">
      <div className="flex flex-wrap items-start gap-3">
        <Input id={`${id}-group`} label="Group" value={values.group} onChange={set('group')} error={errors.group} placeholder="projectcontour.io" />
        <Input id={`${id}-version`} label="Version" value={values.version} onChange={set('version')} error={errors.version} placeholder="v1" />
        <Input id={`${id}-plural`} label="Plural" value={values.plural} onChange={set('plural')} error={errors.plural} placeholder="httpproxies" />
        <Input id={`${id}-kind`} label="Kind (optional)" value={values.kind} onChange={set('kind')} error={errors.kind} placeholder="HTTPProxy" />
        <div className="flex flex-col gap-1">
          <span className="font-medium" aria-hidden="true">
            &nbsp;
          </span>
          <label className="flex h-7 items-center gap-1.5">
            <input type="checkbox" checked={namespaced} onChange={(e) => setNamespaced(e.target.checked)} />
            Namespaced
          </label>
        </div>
        <div className="flex flex-col gap-1">
          <span aria-hidden="true">&nbsp;</span>
          <button type="submit" aria-disabled={busy || undefined} className="h-7 rounded bg-accent px-3 font-medium text-accent-fg hover:opacity-90">
            Add resource
          </button>
        </div>
      </div>
      <p role="status" className="mt-2 min-h-5 text-muted">
        {busy ? 'Asking the cluster what it calls this resource…' : added ? `Added ${added}. It is stored in this browser and listed in the registry below.` : ''}
      </p>
    </form>
  );
}
