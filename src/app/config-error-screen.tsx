/** Shown when the app server's configuration cannot be loaded: the app cannot sign anyone in without it. */
export function ConfigErrorScreen({ error }: { error: unknown }) {
  return (
    <main id="main" className="main">
      <section className="panel panel--center" aria-labelledby="config-error-heading">
        <h1 id="config-error-heading">QuickLead cannot start</h1>
        <div className="notice notice--error" role="alert">
          <p>{error instanceof Error ? error.message : 'The app configuration could not be loaded.'}</p>
        </div>
        <p>
          Reload the page in a moment. If this keeps happening, tell whoever runs QuickLead for your team.
        </p>
      </section>
    </main>
  );
}
