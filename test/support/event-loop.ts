/** Event-loop turns (setImmediate) while `work` is pending: near zero when `work` holds the loop. */
export async function turnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let running = true;
  const spin = () => { if (running) { turns++; setImmediate(spin); } };
  setImmediate(spin);
  const value = await work();
  running = false;
  return { value, turns };
}
