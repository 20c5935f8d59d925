import { useEffect, useState } from 'react';

function remaining(until: number, now: number): string {
  const seconds = Math.max(0, Math.round((until - now) / 1000));
  if (seconds === 0) return 'expired';
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const mm = String(minutes % 60).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `expires in ${hours}:${mm}:${ss}` : `expires in ${mm}:${ss}`;
}

/**
 * A live countdown to `until`. Not a live region: a screen reader hears the value when it reads
 * the step, rather than every second.
 */
export function Countdown({ until }: { until: number }) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <span className="countdown">
      <time dateTime={new Date(until).toISOString()}>{remaining(until, now)}</time>
    </span>
  );
}

export { remaining as countdownText };
