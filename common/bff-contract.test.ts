import { describe, expect, it } from 'vitest';
import { companyDomainOf } from './bff-contract.ts';

describe('companyDomainOf', () => {
  it('reads the company subdomain of a Pipedrive API origin', () => {
    expect(companyDomainOf('https://acme-sales.pipedrive.com')).toBe('acme-sales');
  });

  it('finds none elsewhere', () => {
    expect(companyDomainOf('http://127.0.0.1:5182')).toBeUndefined();
    expect(companyDomainOf('https://acme.pipedrive.com.evil.example')).toBeUndefined();
    expect(companyDomainOf('http://acme.pipedrive.com')).toBeUndefined();
  });
});
