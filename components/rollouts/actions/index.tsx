'use client';
// Rollout action components (issue #8 contract C2 → B): the detail page wraps its content in the
// provider and places the buttons; each button opens a confirmation with the server's exact diff.
export { RolloutActionsProvider } from './provider';
export { ApplyStepButton, RestoreOriginalButton } from './gateway-buttons';
export { ApproveButton } from './approve-button';
export { SaveScriptButton } from './save-script-button';
