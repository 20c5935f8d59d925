import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { pickPerson, renderLeadScreen } from '@/testing/render-lead-screen.tsx';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const section = () => screen.getByText('Visibility and source').closest('details');

describe('"Visibility and source"', () => {
  it('says how many of its fields are set while closed', async () => {
    const { user } = await renderLeadScreen();
    expect(section()?.querySelector('summary')?.textContent).toBe('Visibility and source');

    await user.click(screen.getByText('Visibility and source'));
    await user.selectOptions(screen.getByRole('combobox', { name: /^Visible to/ }), '7');
    await user.type(screen.getByRole('textbox', { name: /^Source channel ID/ }), 'Spring fair');
    await user.click(screen.getByText('Visibility and source'));

    expect(section()?.open).toBe(false);
    expect(section()?.querySelector('summary')?.textContent).toBe('Visibility and source · 2 set');
  });

  it('opens itself when one of its fields is in error, so the message can be seen', async () => {
    const { posts, user } = await renderLeadScreen();
    await user.click(screen.getByText('Visibility and source'));
    await user.click(screen.getByRole('textbox', { name: /^Source channel ID/ }));
    await user.paste('x'.repeat(256));
    await user.click(screen.getByText('Visibility and source'));
    expect(section()?.open).toBe(false);

    await pickPerson(user, 'Lovelace', 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Create lead' }));

    await screen.findByRole('alert');
    expect(section()?.open).toBe(true);
    expect(screen.getByRole('textbox', { name: /^Source channel ID/ }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(posts()).toHaveLength(0);
  });
});
