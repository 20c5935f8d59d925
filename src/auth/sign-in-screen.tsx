import { useDocumentTitle } from '@/ui/use-document-title.ts';
import { SignInButton } from './sign-in-button.tsx';

export function SignInScreen() {
  useDocumentTitle('Sign in – QuickLead');
  return (
    <section className="panel panel--center" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">Add leads to Pipedrive in seconds</h1>
      <p className="lede">
        Sign in with your Pipedrive account, fill one short form, and the lead is in your inbox.
      </p>
      <SignInButton />
      <p className="mode-note">
        <strong>Browser demo mode:</strong> this tab is the OAuth client (authorization code with PKCE).
        Tokens stay in memory only, so reloading the page signs you out.
      </p>
    </section>
  );
}
