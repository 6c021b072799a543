// The campaign the transform checks records against, read from the environment the template sets. Parsed with the
// SDK's own readers (parseFieldList, the FieldSpec shape), so `FIELDS` means exactly what the element's `fields`
// attribute means.
import { countryProblem, type FieldSpec, parseFieldList } from '@campaign-entry/sdk/rules';
import { TransformError, TransformErrorCode } from './errors.js';

/** What one deployment of the transform checks. */
export interface TransformConfig {
  /** The only campaign id this stack's streams accept. */
  readonly campaignId: string;
  /** The fields asked for (all required) and the minimum age, as the page's widget has them. */
  readonly spec: FieldSpec;
  /** Entries submitted before this (ms since the epoch) are flagged `before-window`. @default none */
  readonly opensAt?: number;
  /** Entries submitted after this (ms since the epoch) are flagged `after-window`. @default none */
  readonly closesAt?: number;
  /**
   * The languages the campaign's page offers: the only `meta.locale` values accepted. Absent means
   * {@link DEFAULT_LOCALES}.
   */
  readonly locales?: readonly string[];
  /** The Lambda function's name, the dimension of the metrics it emits. @default 'local' */
  readonly functionName?: string;
}

/** The environment variables the handler reads (set by the template; the emulator's bin passes its own). */
export interface TransformEnvironment {
  /** Required: the campaign id, as in the element's `campaign-id`. */
  readonly CAMPAIGN_ID?: string | undefined;
  /** Comma list as in the element's `fields` attribute. @default 'name,email' */
  readonly FIELDS?: string | undefined;
  /** Whole years, when `birth-date` is asked. Empty means the SDK's default (21). */
  readonly MIN_AGE?: string | undefined;
  /** Country whose postal codes `postal-code` takes, as in the element's `country` (`US`: ZIP). Empty means any. */
  readonly COUNTRY?: string | undefined;
  /** ISO 8601 instant the campaign opens; empty means no lower bound. */
  readonly OPENS_AT?: string | undefined;
  /** ISO 8601 instant the campaign closes; empty means no upper bound. */
  readonly CLOSES_AT?: string | undefined;
  /** Comma list of the campaign's locales, as the widget offers them. @default 'en,es' */
  readonly LOCALES?: string | undefined;
  /** Set by the Lambda runtime. */
  readonly AWS_LAMBDA_FUNCTION_NAME?: string | undefined;
}

/** The widget's languages: the `meta.locale` values accepted when `LOCALES` is not set. */
export const DEFAULT_LOCALES: readonly string[] = ['en', 'es'];

// A language tag as the widget writes it (`en`, `es`, `pt-BR`): letters, digits and hyphens only.
const LOCALE = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/u;
const CAMPAIGN_ID = /^[a-zA-Z0-9_.:-]{1,128}$/u;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/u;

function instant(name: string, value: string | undefined, problems: string[]): number | undefined {
  const text = value?.trim() ?? '';
  if (text === '') return undefined;
  const ms = Date.parse(text);
  if (!ISO_INSTANT.test(text) || Number.isNaN(ms)) {
    problems.push(`${name} "${text.slice(0, 40)}" is not an ISO 8601 instant (2027-02-14T00:30:00Z)`);
    return undefined;
  }
  return ms;
}

/**
 * Reads and checks the configuration. Throws {@link TransformError} (`invalid-config`) naming every problem: a
 * misconfigured function must fail loudly (Lambda errors alarm, records kept under the error prefix), never let
 * records through unchecked.
 * @example configFromEnv({ CAMPAIGN_ID: 'loungebeer-sb', FIELDS: 'name,email,birth-date', MIN_AGE: '21' })
 */
export function configFromEnv(env: TransformEnvironment): TransformConfig {
  const problems: string[] = [];
  const campaignId = env.CAMPAIGN_ID?.trim() ?? '';
  if (!CAMPAIGN_ID.test(campaignId)) problems.push(`CAMPAIGN_ID "${campaignId.slice(0, 40)}" is missing or invalid`);
  const fields = parseFieldList(env.FIELDS);
  if (!fields.success) problems.push(`FIELDS names unknown fields: ${fields.unknown.join(', ')}`);
  const minAgeText = env.MIN_AGE?.trim() ?? '';
  const minAge = minAgeText === '' ? undefined : Number(minAgeText);
  if (minAge !== undefined && !(Number.isInteger(minAge) && minAge >= 0 && minAge <= 120)) {
    problems.push(`MIN_AGE "${minAgeText.slice(0, 10)}" must be whole years from 0 to 120`);
  }
  const country = env.COUNTRY?.trim() || undefined;
  const badCountry = countryProblem(country);
  if (badCountry) problems.push(badCountry.replace('country', 'COUNTRY'));
  const localesText = env.LOCALES?.trim() ?? '';
  const locales = localesText === '' ? undefined : localesText.split(',').map((locale) => locale.trim());
  const badLocale = locales?.find((locale) => !LOCALE.test(locale));
  if (badLocale !== undefined) problems.push(`LOCALES "${badLocale.slice(0, 20)}" is not a language tag (en, pt-BR)`);
  const opensAt = instant('OPENS_AT', env.OPENS_AT, problems);
  const closesAt = instant('CLOSES_AT', env.CLOSES_AT, problems);
  if (opensAt !== undefined && closesAt !== undefined && opensAt >= closesAt) {
    problems.push('OPENS_AT must be before CLOSES_AT');
  }
  if (problems.length > 0) {
    throw new TransformError(
      TransformErrorCode.InvalidConfig,
      `invalid transform configuration: ${problems.join('; ')}`,
    );
  }
  const functionName = env.AWS_LAMBDA_FUNCTION_NAME?.trim();
  return {
    campaignId,
    spec: {
      fields: fields.fields,
      ...(minAge === undefined ? {} : { minAge }),
      ...(country === undefined ? {} : { country }),
    },
    ...(opensAt === undefined ? {} : { opensAt }),
    ...(closesAt === undefined ? {} : { closesAt }),
    ...(locales === undefined ? {} : { locales }),
    ...(functionName ? { functionName } : {}),
  };
}
