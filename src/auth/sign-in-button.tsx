import { useState } from 'react';
import { useSession } from './session-context.tsx';

export function SignInButton({ label }: { label?: string }) {
  const { provider, signIn } = useSession();
  const [starting, setStarting] = useState(false);
  return (
    <button
      type="button"
      className="button button--primary button--large"
      aria-disabled={starting || undefined}
      onClick={() => {
        if (starting) return;
        setStarting(true);
        signIn().catch(() => setStarting(false));
      }}
    >
      {starting ? 'Opening sign-in…' : (label ?? `Sign in with ${provider.name}`)}
    </button>
  );
}
