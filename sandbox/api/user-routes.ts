import { Hono } from 'hono';
import type { Company, User } from '../company/crm-types.ts';
import type { CrmStore } from '../store/crm-store.ts';
import { type ApiEnv, endpoint } from './api-auth.ts';

/** Pipedrive's "YYYY-MM-DD HH:MM:SS" (UTC) used by the user endpoints. */
export function pipedriveDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * One user, property for property as recorded from a live company (recorded/get-v1-users):
 * `is_admin` is 1 or 0, `lang` a number, times "YYYY-MM-DD HH:MM:SS". The spec's `access`,
 * `activated` and `is_deleted` are not in the recording, so the sandbox does not send them.
 */
function userJson(user: User, me: User, now: number) {
  return {
    id: user.id,
    name: user.name,
    default_currency: user.defaultCurrency,
    timezone_name: user.timezoneName,
    timezone_offset: user.timezoneOffset,
    locale: user.locale,
    email: user.email,
    phone: user.phone,
    created: user.created,
    modified: user.created,
    lang: 1,
    active_flag: user.activeFlag,
    is_admin: user.isAdmin ? 1 : 0,
    last_login: user.id === me.id ? pipedriveDateTime(now) : user.created,
    signup_flow_variation: '',
    role_id: 1,
    // The admin set the company up.
    has_created_company: user.isAdmin,
    icon_url: null,
    is_you: user.id === me.id,
  };
}

/** `GET /v1/users/me` as documented (there is no recording): the users shape plus company and language. */
function currentUserJson(user: User, company: Company, now: number) {
  const [languageCode = 'en', countryCode = 'US'] = user.locale.split('_');
  return {
    ...userJson(user, user, now),
    company_id: company.id,
    company_name: company.name,
    company_domain: company.domain,
    company_country: company.country,
    company_industry: company.industry,
    language: { language_code: languageCode, country_code: countryCode },
  };
}

/** `GET /v1/users/me`, `GET /v1/users` and `GET /v1/users/{id}`. */
export function userRoutes(crm: CrmStore, now: () => number): Hono<ApiEnv> {
  const users = new Hono<ApiEnv>();
  users.get('/me', endpoint({ scopes: ['base'], cost: 2 }), (c) =>
    c.json({ success: true, data: currentUserJson(c.get('user'), crm.company, now()) }),
  );

  users.get('/', endpoint({ scopes: ['users:read'], cost: 20 }), (c) =>
    c.json({ success: true, data: crm.users.map((user) => userJson(user, c.get('user'), now())) }),
  );

  // One colleague, by id [spec v1 getUser]: its 404 is the spec's example, word for word.
  users.get('/:id', endpoint({ scopes: ['users:read'], cost: 2 }), (c) => {
    const raw = c.req.param('id');
    const user = /^\d{1,15}$/.test(raw) ? crm.findUser(Number(raw)) : undefined;
    if (!user) return c.json({ success: false, error: 'User not found or not accessible.' }, 404);
    return c.json({ success: true, data: userJson(user, c.get('user'), now()) });
  });
  return users;
}
