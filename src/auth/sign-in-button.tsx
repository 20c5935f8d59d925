import { useState } from 'react';
import type { SessionMode } from '@/config/app-config.ts';
import { useSession } from './session-context.tsx';

export function SignInButton({ mode, label }: { mode: SessionMode; label?: string }) {
  const { config, signIn } = useSession();
  const [starting, setStarting] = useState(false);
  return (
    <button
      type="button"
      className="button button--primary button--large"
      aria-disabled={starting || undefined}
      onClick={() => {
        if (starting) return;
        setStarting(true);
        signIn(mode).catch(() => setStarting(false));
      }}
    >
      {starting ? 'Opening sign-in…' : (label ?? `Sign in with ${config.provider.name}`)}
    </button>
  );
}
