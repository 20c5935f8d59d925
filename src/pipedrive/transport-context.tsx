import { createContext, type ReactNode, useContext } from 'react';
import type { Transport } from './transport.ts';

const TransportContext = createContext<Transport | null>(null);

export function TransportProvider({ transport, children }: { transport: Transport; children: ReactNode }) {
  return <TransportContext value={transport}>{children}</TransportContext>;
}

/** The signed-in session's way to Pipedrive. Only rendered below a signed-in session. */
export function useTransport(): Transport {
  const transport = useContext(TransportContext);
  if (!transport) throw new Error('useTransport() needs a signed-in session above it');
  return transport;
}
