import type { FlowStep } from '@common/inspector/model.ts';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { StepCard } from './step-card.tsx';

const HOSTILE = '<img src=x onerror="alert(1)">';

const step: FlowStep = {
  id: 'token-response-1',
  kind: 'token-response',
  at: Date.UTC(2026, 0, 1, 12),
  by: 'browser',
  title: 'Token response',
  why: 'The provider answers with tokens.',
  facts: [
    { label: 'access_token', value: [{ secret: 'access token', value: 'v1:secret-access-token' }] },
    { label: 'expires_in', value: ['3599'], expiresAt: Date.now() + 3_599_000 },
    { label: 'api_domain', value: [HOSTILE] },
  ],
  request: { method: 'POST', url: ['https://auth.example.com/token'], headers: [] },
  response: { status: 200, headers: [['content-type', ['application/json']]], body: [`{"x":"${HOSTILE}"}`] },
};

describe('StepCard', () => {
  it('shows tokens masked until "Show secrets" is pressed, and says so', async () => {
    const user = userEvent.setup();
    render(<StepCard step={step} number={5} />);
    const card = screen.getByRole('article', { name: '5. Token response' });
    expect(card.textContent).not.toContain('v1:secret-access-token');
    expect(card.textContent).toContain('(access token, hidden)');
    expect(card.textContent).toMatch(/expires in 59:5\d/);

    const show = within(card).getByRole('button', { name: 'Show secrets' });
    expect(show.getAttribute('aria-pressed')).toBe('false');
    await user.click(show);
    expect(show.getAttribute('aria-pressed')).toBe('true');
    expect(card.textContent).toContain('v1:secret-access-token');
    expect(card.textContent).toContain('Secrets shown');
  });

  it('renders whatever a provider sends as text, never as HTML', () => {
    const { container } = render(<StepCard step={step} number={5} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain(HOSTILE);
  });
});
