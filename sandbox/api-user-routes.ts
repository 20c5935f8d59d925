import type { Hono } from 'hono';
import { type ApiEnv, endpoint } from './api-auth.ts';
import type { CrmStore } from './crm-store.ts';
import type { Company, User } from './crm-types.ts';

/** Pipedrive's "YYYY-MM-DD HH:MM:SS" (UTC) used by the user endpoints. */
export function pipedriveDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

function userJson(user: User, me: User, now: number) {
  return {
    id: user.id,
    name: user.name,
    default_currency: user.defaultCurrency,
    locale: user.locale,
    lang: 1,
    email: user.email,
    phone: user.phone,
    activated: user.activeFlag,
    last_login: user.id === me.id ? pipedriveDateTime(now) : user.created,
    created: user.created,
    modified: user.created,
    has_created_company: user.isAdmin,
    access: [
      { app: 'sales', admin: user.isAdmin, permission_set_id: '62cc4d7f-4038-4352-abf3-a8c1c822b631' },
      { app: 'global', admin: user.isAdmin, permission_set_id: '233b7976-39bd-43a9-b305-ef3a2b0998e5' },
    ],
    active_flag: user.activeFlag,
    timezone_name: user.timezoneName,
    timezone_offset: user.timezoneOffset,
    role_id: 1,
    icon_url: null,
    is_you: user.id === me.id,
    is_deleted: false,
  };
}

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

export function registerUserRoutes(v1: Hono<ApiEnv>, crm: CrmStore, now: () => number): void {
  v1.get('/users/me', endpoint({ scopes: ['base'], cost: 2 }), (c) =>
    c.json({ success: true, data: currentUserJson(c.get('user'), crm.company, now()) }),
  );

  v1.get('/users', endpoint({ scopes: ['users:read'], cost: 20 }), (c) =>
    c.json({ success: true, data: crm.users.map((user) => userJson(user, c.get('user'), now())) }),
  );

  v1.get('/leadLabels', endpoint({ scopes: ['leads:read', 'leads:full'], cost: 10 }), (c) =>
    c.json({
      success: true,
      data: crm.leadLabels.map((label) => ({
        id: label.id,
        name: label.name,
        color: label.color,
        add_time: label.addTime,
        update_time: label.addTime,
      })),
    }),
  );
}
