/**
 * Runs `task` while holding a lock no other tab of this origin can hold at the same time (Web
 * Locks). Where the API is missing, the task simply runs: one tab still sends its lead once.
 */
export function withTabLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return task();
  return locks.request(name, task);
}
