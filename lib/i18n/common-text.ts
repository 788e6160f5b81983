// The common catalogue's English and descriptors, for the Kubernetes client's error wording and
// refusals (the client is imported by nearly every server module).
import enCommon from '@/messages/en/common.json';
import { catalogueText } from './catalogue-text';

export type { TextAndMsg } from './catalogue-text';

export const commonTextAndMsg = catalogueText('common', enCommon);
