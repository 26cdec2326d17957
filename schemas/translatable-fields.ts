// The translatable fields of a location, read from location.schema.json (the keys of its
// `translations`), so that the sandbox and the checks never keep their own list.
import locationSchema from './location.schema.json' with { type: 'json' };
import type { LocationTranslations } from './types.generated.ts';

export type TranslatableField = keyof LocationTranslations;

export const TRANSLATABLE_FIELDS = Object.keys(
  locationSchema.properties.translations.properties,
) as TranslatableField[];
