/**
 * The sandbox company's custom deal fields, which leads inherit as in Pipedrive. The keys are
 * fixed 40-hex strings, like the hashes Pipedrive generates, so the app's tests and the e2e suite
 * can name a field without fetching `GET /v1/dealFields` first. This module has no imports on
 * purpose: anything may depend on it.
 *
 * | type         | name                  | key                                      | lead body (v1 format)                  |
 * | ------------ | --------------------- | ---------------------------------------- | -------------------------------------- |
 * | varchar      | Lead source detail    | b1815d6023ddc2922e4cc97fcaf98eb13eabc573 | string, at most 255 characters         |
 * | varchar_auto | Competitor            | b5829d12e4de21ae8157067020cd6777ce086fe8 | string, at most 255 characters         |
 * | text         | Qualification notes   | 909d6e8c02460699dad17bbb246295f2f978d6b5 | string                                 |
 * | double       | Discount rate         | bac4743c6d6e6cee9270d756904b7d022ffd82e9 | number                                 |
 * | int          | Number of seats       | 89238a357427e3f5d88c782de93b9ad33f9c824b | integer                                |
 * | monetary     | Annual budget         | f1fecfcc6bbc68910da38da8fd7cd3116fa18c4d | number + `<key>_currency` (code)       |
 * | date         | Demo date             | 518b70a71097dde343833e4851cbe2076ffa6292 | YYYY-MM-DD                             |
 * | daterange    | Contract period       | bcf616e7e9605c084634d1b02a3cc8ea952523a8 | YYYY-MM-DD + `<key>_until`             |
 * | time         | Best time to call     | 555c71ffe92865e79cbcbe89b8547acd03311084 | HH:MM:SS (HH:MM accepted)              |
 * | timerange    | Office hours          | 3be1dcbcc04334d947f44b1549e02939ee471f46 | HH:MM:SS + `<key>_until`               |
 * | enum         | Customer type (*)     | e1e9b8aaeb8f54123f5b651c34718a884ed35c35 | option id (number)                     |
 * | set          | Products of interest  | c658b33731ffbcd7691e44a0c7ce2dd16406b2dc | option ids, comma-separated: "201,203" |
 * | phone        | Direct line           | 0222b18bdafbb4553bf428310b16272f38d6707b | string, at most 255 characters         |
 * | address      | Delivery address      | 5a3d39c6d23ca74419baf509e9a04c543153eeb7 | string, at most 255 characters         |
 * | user         | Sales engineer        | c6b06671877094caf139d2d0d949ff20e713584a | active user id                         |
 * | org          | Referral partner      | 1f149d95d49fc701c6bac8a4115355fdbed61373 | organization id                        |
 * | people       | Decision maker        | f5ae1b6c578da2f69de42dbb0132627b517f6436 | person id                              |
 *
 * (*) The only custom field required on every lead (`mandatory_flag: true`). The API does not enforce
 * it, the app does.
 *
 * "Fax number" (varchar, 26b792625344df684928f7160e1dd2bb78a327f7) is inactive (`active_flag: false`):
 * the app must hide it, and `POST /v1/leads` answers `"<key>" is not allowed` for it.
 *
 * Two more active custom fields vary the flags the way a live company's fields do (recorded
 * `GET /v1/dealFields`). `POST /v1/leads` accepts both like any other field:
 *
 * | type    | name                 | key                                      | what differs                                                      |
 * | ------- | -------------------- | ---------------------------------------- | ----------------------------------------------------------------- |
 * | varchar | Purchase order no.   | 79c413a9e3bdec62d2b1d7af3765129e25ef0249 | `add_visible_flag: false`: not in Pipedrive's add dialog          |
 * | date    | Contract signed on   | 4d03210ad3d4609fb17375704dbb77de7ae695d8 | `mandatory_flag: {"status": "=won"}`: required for won deals only |
 *
 * "Contract signed on" also has a `description`, which QuickLead shows as the field's hint.
 *
 * No custom field has non-empty `restriction_settings`: no recording shows a non-empty value, so
 * its shape is unknown and the sandbox does not make one up.
 */
export const CUSTOM_FIELD_KEYS = {
  varchar: 'b1815d6023ddc2922e4cc97fcaf98eb13eabc573',
  varchar_auto: 'b5829d12e4de21ae8157067020cd6777ce086fe8',
  text: '909d6e8c02460699dad17bbb246295f2f978d6b5',
  double: 'bac4743c6d6e6cee9270d756904b7d022ffd82e9',
  int: '89238a357427e3f5d88c782de93b9ad33f9c824b',
  monetary: 'f1fecfcc6bbc68910da38da8fd7cd3116fa18c4d',
  date: '518b70a71097dde343833e4851cbe2076ffa6292',
  daterange: 'bcf616e7e9605c084634d1b02a3cc8ea952523a8',
  time: '555c71ffe92865e79cbcbe89b8547acd03311084',
  timerange: '3be1dcbcc04334d947f44b1549e02939ee471f46',
  enum: 'e1e9b8aaeb8f54123f5b651c34718a884ed35c35',
  set: 'c658b33731ffbcd7691e44a0c7ce2dd16406b2dc',
  phone: '0222b18bdafbb4553bf428310b16272f38d6707b',
  address: '5a3d39c6d23ca74419baf509e9a04c543153eeb7',
  user: 'c6b06671877094caf139d2d0d949ff20e713584a',
  org: '1f149d95d49fc701c6bac8a4115355fdbed61373',
  people: 'f5ae1b6c578da2f69de42dbb0132627b517f6436',
} as const;

export type CustomFieldType = keyof typeof CUSTOM_FIELD_KEYS;

/** Display names, by type, as `GET /v1/dealFields` sends them. */
export const CUSTOM_FIELD_NAMES: Record<CustomFieldType, string> = {
  varchar: 'Lead source detail',
  varchar_auto: 'Competitor',
  text: 'Qualification notes',
  double: 'Discount rate',
  int: 'Number of seats',
  monetary: 'Annual budget',
  date: 'Demo date',
  daterange: 'Contract period',
  time: 'Best time to call',
  timerange: 'Office hours',
  enum: 'Customer type',
  set: 'Products of interest',
  phone: 'Direct line',
  address: 'Delivery address',
  user: 'Sales engineer',
  org: 'Referral partner',
  people: 'Decision maker',
};

/** The one custom field with `mandatory_flag: true`. */
export const MANDATORY_CUSTOM_FIELD_KEY = CUSTOM_FIELD_KEYS.enum;

/** A custom field with `active_flag: false`, which the app must not offer. */
export const INACTIVE_CUSTOM_FIELD_KEY = '26b792625344df684928f7160e1dd2bb78a327f7';

/** Option ids of the enum ("Customer type") and set ("Products of interest") fields. */
export const CUSTOM_FIELD_OPTION_IDS = {
  enum: { privatePerson: 190, company: 191, government: 192 },
  set: { crmSuite: 201, analytics: 202, integrations: 203, premiumSupport: 204 },
} as const;

/** An active varchar field with `add_visible_flag: false` (not in Pipedrive's own add dialog). */
export const NOT_IN_ADD_DIALOG_CUSTOM_FIELD_KEY = '79c413a9e3bdec62d2b1d7af3765129e25ef0249';

/** An active date field required only for won deals: `mandatory_flag: {"status": "=won"}`. */
export const WON_ONLY_CUSTOM_FIELD_KEY = '4d03210ad3d4609fb17375704dbb77de7ae695d8';
