'use client';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { ConnectionDetails } from './connection-details';
import { CustomKindForm } from './custom-kind-form';
import { DeepflowSettingsForm } from './deepflow-settings';
import { KindRegistryTable } from './kind-registry-table';

interface Section {
  /** also the catalogue key: settings.section.<key>.title / .description */
  key: 'connection' | 'deepflow' | 'addKind' | 'registry';
  id: string;
  described: boolean;
  render: () => ReactNode;
}

// Ordered data, like every detail view: adding a section is one entry here.
const sections: readonly Section[] = [
  { key: 'connection', id: 'connection', described: false, render: () => <ConnectionDetails /> },
  { key: 'deepflow', id: 'deepflow', described: true, render: () => <DeepflowSettingsForm /> },
  { key: 'addKind', id: 'add-kind', described: true, render: () => <CustomKindForm /> },
  { key: 'registry', id: 'registry', described: true, render: () => <KindRegistryTable /> },
];

export function SettingsView() {
  const t = useTranslations('settings.section');
  return (
    <div className="flex flex-col gap-6">
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`settings-${s.id}`} className="flex flex-col gap-2">
          <div>
            <h2 id={`settings-${s.id}`} className="text-[15px] font-semibold">
              {t(`${s.key}.title`)}
            </h2>
            {s.described && s.key !== 'connection' ? <p className="text-muted">{t(`${s.key}.description`)}</p> : null}
          </div>
          {s.render()}
        </section>
      ))}
    </div>
  );
}
