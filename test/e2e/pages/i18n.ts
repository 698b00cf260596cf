// Test text comes from the app's own catalogues, so a label change never breaks a locator.
import { translate, type Locale, type MessageKey, type MessageParams } from '../../../src/core/i18n/translate';

export type Text = (key: MessageKey, params?: MessageParams) => string;

export function textFor(locale: Locale): Text {
  return (key, params) => translate(locale, key, params);
}
