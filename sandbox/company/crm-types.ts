// The sandbox's own records. Wire shapes are built from these by the routes, so the store
// can stay simple and the JSON stays exactly as Pipedrive sends it.

export interface Company {
  id: number;
  name: string;
  domain: string;
  country: string;
  industry: string;
}

export interface User {
  id: number;
  name: string;
  email: string;
  password: string;
  phone: string | null;
  defaultCurrency: string;
  locale: string;
  timezoneName: string;
  timezoneOffset: string;
  isAdmin: boolean;
  activeFlag: boolean;
  created: string;
  /**
   * What the user's Pipedrive permission set allows. Where it does not, Pipedrive answers 403
   * "You do not have permissions to do this." whatever scopes the token has.
   */
  permissions: { leads: boolean };
  /**
   * The scopes the app had when this user installed it, or null for an install of the app as it is
   * now. Pipedrive tokens keep the scopes of the install: adding a scope to the app later does not
   * reach users who installed before.
   */
  installedScopes: readonly string[] | null;
}

export interface Organization {
  id: number;
  name: string;
  /** '' when the organization has no address. */
  address: string;
  /** Web domain (always under .example) that the organization's people use for email; '' if created by the API. */
  domain: string;
  ownerId: number;
  visibleTo: number;
}

export interface Person {
  id: number;
  name: string;
  emails: string[];
  phones: string[];
  orgId: number | null;
  ownerId: number;
  visibleTo: number;
}

export interface LeadLabel {
  id: string;
  name: string;
  color: string;
  addTime: string;
}

export interface Lead {
  id: string;
  title: string;
  owner_id: number;
  creator_id: number;
  label_ids: string[];
  person_id: number | null;
  organization_id: number | null;
  source_name: string;
  origin: string;
  origin_id: string | null;
  channel: number | null;
  channel_id: string | null;
  is_archived: boolean;
  was_seen: boolean;
  value: { amount: number; currency: string } | null;
  expected_close_date: string | null;
  next_activity_id: number | null;
  add_time: string;
  update_time: string;
  visible_to: string;
  cc_email: string;
  source_deal_id: number | null;
}

/**
 * Custom field values of a lead, keyed as `GET /v1/leads/{id}` returns them at the top level:
 * the 40-hex key, plus `<key>_currency` for monetary and `<key>_until` for range fields.
 */
export type CustomFieldValues = Record<string, string | number>;

/** An activity type of the company (`GET /v1/activityTypes`); activities name it by `keyString`. */
export interface ActivityType {
  id: number;
  name: string;
  keyString: string;
  iconKey: string;
  /** 6-character hex, as Pipedrive writes it. */
  color: string;
  orderNr: number;
  activeFlag: boolean;
  isCustomFlag: boolean;
  /** "YYYY-MM-DD HH:MM:SS", UTC, as v1 writes times. */
  addTime: string;
  updateTime: string;
}

/**
 * A note (`POST /v1/notes`), made on a lead: the content as Pipedrive kept it after sanitizing.
 * When the lead is converted, the note moves to the deal: `leadId` becomes null, `dealId` is set.
 */
export interface Note {
  id: number;
  content: string;
  leadId: string | null;
  dealId: number | null;
  userId: number;
  /** Milliseconds on the sandbox clock. */
  addTime: number;
}

/** An activity (`POST /api/v2/activities`), with what QuickLead and its tests read of it. */
export interface Activity {
  id: number;
  subject: string;
  type: string;
  ownerId: number;
  creatorUserId: number;
  leadId: string | null;
  /** Set when the activity's lead was converted: it moves to the deal. */
  dealId: number | null;
  personId: number | null;
  orgId: number | null;
  /** YYYY-MM-DD, or null for an activity without a date. */
  dueDate: string | null;
  /** HH:MM:SS in UTC, or null for an all-day activity. */
  dueTime: string | null;
  /** HH:MM:SS, or null. */
  duration: string | null;
  busy: boolean;
  done: boolean;
  note: string | null;
  publicDescription: string | null;
  priority: number | null;
  /** Milliseconds on the sandbox clock. */
  addTime: number;
}
