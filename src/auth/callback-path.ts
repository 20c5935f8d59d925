/** Where the provider sends the browser back in `spa` mode (registered as the public client's redirect URI). */
export const CALLBACK_PATH = '/callback';
