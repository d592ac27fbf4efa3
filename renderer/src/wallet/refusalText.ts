import type { IpcError } from '../../../shared/contract/result';
import { renderOr } from '../../../shared/credential/verificationMessages';
import type { Language } from '../../../shared/preferences';

/** What the main process refused, in the window's language where the refusal carries a catalogue message; its English otherwise. */
export function refusalText(error: IpcError, language: Language): string {
  return renderOr(error.said, language, error.message);
}
