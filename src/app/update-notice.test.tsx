import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { offerUpdate } from './app-update.ts';
import { UpdateNotice } from './update-notice.tsx';

afterEach(cleanup);

describe('the new-version notice', () => {
  it('shows nothing until a new version waits; then a polite status with Reload, which only the rep presses', async () => {
    render(<UpdateNotice />);
    expect(screen.queryByRole('status')).toBeNull();

    const activate = vi.fn();
    act(() => offerUpdate({ activate }));
    // The live region is there before its words, so they are announced.
    const notice = await screen.findByRole('status');
    await screen.findByText('A new version of QuickLead is ready.');
    expect(notice.textContent).toBe('A new version of QuickLead is ready.Reload');
    expect(activate).not.toHaveBeenCalled();

    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Reload' }));
    await userEvent.keyboard('{Enter}');
    expect(activate).toHaveBeenCalledTimes(1);
  });
});
